package io.tieout.sandbox.sim;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.Executors;

/**
 * A source API simulator on loopback: the JDK's HTTP server, one handler, and the fault plan applied
 * before every response. Simulators implement {@link Handler} with the real API's paths, auth,
 * paging, rate limits and error shapes.
 */
public final class SimulatorServer implements AutoCloseable {
    static {
        // The JDK server writes headers and body separately; with Nagle on, each response with a body
        // waits out the client's delayed ACK (~40 ms on loopback). Read once, before the first server.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final FaultPlan faults;

    /** What a simulator answers for one request: a text body, or raw bytes (a zip file) when {@code raw} is set. */
    public record Reply(int status, String contentType, String body, java.util.Map<String, String> headers, byte[] raw) {
        public Reply(int status, String contentType, String body, java.util.Map<String, String> headers) {
            this(status, contentType, body, headers, null);
        }

        public static Reply json(int status, String body) {
            return new Reply(status, "application/json", body, java.util.Map.of());
        }

        public static Reply bytes(int status, String contentType, byte[] raw) {
            return new Reply(status, contentType, "", java.util.Map.of(), raw);
        }

        public Reply withHeaders(java.util.Map<String, String> h) {
            return new Reply(status, contentType, body, h, raw);
        }
    }

    @FunctionalInterface
    public interface Handler {
        Reply handle(HttpExchange exchange, String body) throws IOException;
    }

    private SimulatorServer(HttpServer server, FaultPlan faults) {
        this.server = server;
        this.faults = faults;
    }

    /** Starts on 127.0.0.1; port 0 picks a free one. */
    public static SimulatorServer start(int port, FaultPlan faults, Handler handler) {
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
            s.setExecutor(Executors.newFixedThreadPool(4, r -> {
                Thread t = new Thread(r, "simulator-" + port);
                t.setDaemon(true);
                return t;
            }));
            s.createContext("/", exchange -> serve(exchange, faults, handler));
            s.start();
            return new SimulatorServer(s, faults);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start a simulator on port " + port + ": " + e.getMessage(), e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public int port() { return server.getAddress().getPort(); }

    public FaultPlan faults() { return faults; }

    @Override
    public void close() {
        server.stop(0);
    }

    private static void serve(HttpExchange ex, FaultPlan faults, Handler handler) throws IOException {
        try (ex) {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Optional<Fault> fault = faults.take();
            if (fault.isPresent() && fault.get() instanceof Fault.TooManyRequests t) {
                ex.getResponseHeaders().add("Retry-After", Integer.toString(t.retryAfterSeconds()));
                write(ex, Reply.json(429, "{\"errors\":\"Too Many Requests\"}"), false);
                return;
            }
            if (fault.isPresent() && fault.get() instanceof Fault.ServerError e) {
                write(ex, new Reply(e.status(), "text/plain", "simulated server error", java.util.Map.of()), false);
                return;
            }
            if (fault.isPresent() && fault.get() instanceof Fault.Slow s) {
                try {
                    Thread.sleep(s.delay().toMillis());
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                }
            }
            Reply reply;
            try {
                reply = handler.handle(ex, body);
            } catch (RuntimeException e) {
                reply = new Reply(500, "text/plain", "simulator bug: " + e, java.util.Map.of());
            }
            write(ex, reply, fault.isPresent() && fault.get() instanceof Fault.TruncatedBody);
        }
    }

    private static void write(HttpExchange ex, Reply reply, boolean truncate) throws IOException {
        byte[] bytes = reply.raw() != null ? reply.raw() : reply.body().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", reply.contentType());
        reply.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
        // 204 and 304 carry no body: -1 tells the JDK server so (0 would mean a chunked body, and a warning).
        boolean noBody = reply.status() == 204 || reply.status() == 304;
        ex.sendResponseHeaders(reply.status(), noBody ? -1 : bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes, 0, truncate ? bytes.length / 2 : bytes.length);
        }
    }
}
