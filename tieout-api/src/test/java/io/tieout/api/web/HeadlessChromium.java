package io.tieout.api.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Debian's chromium, headless, driven over the DevTools protocol (no driver, no browser download).
 * Fails with a clear message when chromium is not installed (.ci/run installs it).
 */
final class HeadlessChromium implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> CANDIDATES = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome");
    /** A generous bound on waiting for the browser; not a timing assertion, only a guard against hanging forever. */
    private static final long PATIENCE_MS = 120_000;

    private final Process process;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

    static Path binary() {
        String env = System.getenv("CHROMIUM");
        if (env != null && Files.isExecutable(Path.of(env))) return Path.of(env);
        for (String c : CANDIDATES) if (Files.isExecutable(Path.of(c))) return Path.of(c);
        throw new AssertionError("Headless Chromium is not installed: none of " + CANDIDATES + " exists (or set CHROMIUM). "
                + "Install Debian's package: apt-get install -y chromium (.ci/run does this).");
    }

    HeadlessChromium(Path profileDir) throws Exception {
        Files.createDirectories(profileDir);
        process = new ProcessBuilder(binary().toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1500", "--remote-debugging-port=0",
                "--user-data-dir=" + profileDir, "about:blank")
                .redirectErrorStream(true).redirectOutput(profileDir.resolveSibling("chromium.log").toFile()).start();
        Path portFile = profileDir.resolve("DevToolsActivePort");
        long deadline = System.currentTimeMillis() + PATIENCE_MS;
        while (!(Files.exists(portFile) && Files.readAllLines(portFile).size() >= 2)) {
            if (!process.isAlive()) throw new AssertionError("chromium exited with " + process.exitValue() + "; see chromium.log");
            if (System.currentTimeMillis() > deadline) throw new AssertionError("chromium did not open its DevTools port");
            Thread.sleep(100);
        }
        int port = Integer.parseInt(Files.readAllLines(portFile).get(0).trim());
        HttpClient http = HttpClient.newHttpClient();
        JsonNode targets = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        String ws = null;
        for (JsonNode t : targets) if (t.path("type").asText().equals("page")) ws = t.get("webSocketDebuggerUrl").asText();
        if (ws == null) throw new AssertionError("chromium has no page target: " + targets);
        socket = http.newWebSocketBuilder().buildAsync(URI.create(ws), new Listener()).get(30, TimeUnit.SECONDS);
        call("Page.enable", JSON.createObjectNode());
        call("Runtime.enable", JSON.createObjectNode());
    }

    JsonNode call(String method, ObjectNode params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> f = new CompletableFuture<>();
        pending.put(id, f);
        ObjectNode msg = JSON.createObjectNode().put("id", id).put("method", method);
        msg.set("params", params);
        socket.sendText(JSON.writeValueAsString(msg), true).get(30, TimeUnit.SECONDS);
        JsonNode reply = f.get(PATIENCE_MS, TimeUnit.MILLISECONDS);
        if (reply.has("error")) throw new AssertionError(method + " failed: " + reply.get("error"));
        return reply.get("result");
    }

    /** Evaluates a JavaScript expression in the page and returns its value (as JSON). */
    JsonNode eval(String expression) throws Exception {
        JsonNode r = call("Runtime.evaluate", JSON.createObjectNode().put("expression", expression).put("returnByValue", true)
                .put("awaitPromise", true));
        if (r.has("exceptionDetails")) throw new AssertionError("script failed: " + expression + ": " + r.get("exceptionDetails"));
        return r.path("result").path("value");
    }

    void navigate(String url) throws Exception {
        String before = location();
        call("Page.navigate", JSON.createObjectNode().put("url", url));
        waitForLoad(before, url.equals(before));
    }

    /** Runs a script that navigates (a click, a form submit), then waits until the loaded page satisfies ready (a JS boolean). */
    void navigateBy(String script, String ready) throws Exception {
        eval("window.__tieoutOld = true");
        eval(script);
        long deadline = System.currentTimeMillis() + PATIENCE_MS;
        while (!eval("!window.__tieoutOld && document.readyState === 'complete' && !!(" + ready + ")").asBoolean(false)) {
            if (System.currentTimeMillis() > deadline) throw new AssertionError("the next page did not load; at " + location());
            Thread.sleep(50);
        }
    }

    String location() throws Exception {
        return eval("location.href").asText();
    }

    /** What a person sees: the rendered text of the page. */
    String visibleText() throws Exception {
        return eval("document.body ? document.body.innerText : ''").asText();
    }

    Path screenshot(Path file) throws Exception {
        JsonNode r = call("Page.captureScreenshot", JSON.createObjectNode().put("format", "png").put("captureBeyondViewport", true));
        Files.write(file, Base64.getDecoder().decode(r.get("data").asText()));
        return file;
    }

    private void waitForLoad(String before, boolean sameUrlAllowed) throws Exception {
        long deadline = System.currentTimeMillis() + PATIENCE_MS;
        while (true) {
            String href = location();
            String state = eval("document.readyState").asText();
            if ((sameUrlAllowed || !href.equals(before)) && state.equals("complete")) return;
            if (System.currentTimeMillis() > deadline) throw new AssertionError("the page did not load; still at " + href + " (" + state + ")");
            Thread.sleep(50);
        }
    }

    @Override
    public void close() {
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        } catch (RuntimeException ignored) {
            // closing anyway
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder buffer = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            buffer.append(data);
            if (last) {
                try {
                    JsonNode msg = JSON.readTree(buffer.toString());
                    if (msg.has("id")) {
                        CompletableFuture<JsonNode> f = pending.remove(msg.get("id").asInt());
                        if (f != null) f.complete(msg);
                    }
                } catch (IOException e) {
                    // an unreadable event: not one of our replies
                } finally {
                    buffer.setLength(0);
                }
            }
            webSocket.request(1);
            return null;
        }
    }
}
