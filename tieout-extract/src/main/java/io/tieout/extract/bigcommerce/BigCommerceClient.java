package io.tieout.extract.bigcommerce;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.tieout.extract.ExtractException;
import io.tieout.extract.SourceStats;
import io.tieout.extract.http.HttpTransport;
import io.tieout.extract.http.Sleeper;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.Request;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * HTTP to one BigCommerce store: {@code X-Auth-Token}, the V2 bare-array and V3 envelope shapes, and
 * BigCommerce's rate limits. A 429 carrying the rate-limit headers is retried after
 * {@code X-Rate-Limit-Time-Reset-Ms}; a 429 without them is load shedding and gets the transport's
 * jittered exponential backoff, as do 5xx. The client also paces itself: once a response says
 * {@code X-Rate-Limit-Requests-Left: 0}, the next request first waits for the window to reset instead
 * of provoking 429s (the quota is store-wide, so another app can still spend it; the 429 path covers that).
 *
 * <p>Each listed element comes back with its exact text from the response, so the landed payload is
 * the source's own JSON, untouched (V3 amounts are JSON numbers: never re-rendered through a double).
 */
public final class BigCommerceClient {
    static final String WINDOW_MS = "X-Rate-Limit-Time-Window-Ms";
    static final String RESET_MS = "X-Rate-Limit-Time-Reset-Ms";
    static final String QUOTA = "X-Rate-Limit-Requests-Quota";
    static final String LEFT = "X-Rate-Limit-Requests-Left";

    static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    private final BigCommerceConfig config;
    private final HttpTransport transport;
    private final Sleeper sleeper;
    private final HttpUrl storeUrl;
    private Duration waitBeforeNext;
    private long pacingWaits;

    public BigCommerceClient(BigCommerceConfig config, HttpTransport transport, Sleeper sleeper) {
        this.config = config;
        this.transport = transport;
        this.sleeper = sleeper;
        HttpUrl base = HttpUrl.parse(config.baseUrl());
        if (base == null) throw new ExtractException(config.sourceName() + ": baseUrl '" + config.baseUrl() + "' is not an http(s) URL");
        this.storeUrl = base.newBuilder().addPathSegment("stores").addPathSegment(config.storeHash()).build();
    }

    /** One element of a listing: the parsed node (for mapping) and its exact text (the payload). */
    public record Element(JsonNode node, String text) {}

    /** A V3 page: its elements and {@code meta.pagination} (total_pages 0 when absent). */
    public record V3Page(List<Element> data, int currentPage, int totalPages, long total) {}

    /** GET of a V2 listing: a bare JSON array, or 204 No Content for an empty page. */
    public List<Element> v2List(String path, Map<String, String> query, SourceStats stats) {
        Request request = request(path, query);
        HttpTransport.HttpResult r = send(request, stats);
        if (r.status() == 204 || r.body().isBlank()) return List.of();
        try (JsonParser p = JSON.getFactory().createParser(r.body())) {
            if (p.nextToken() != JsonToken.START_ARRAY) throw notA("a JSON array", request, r.body(), null);
            return elements(p, r.body());
        } catch (IOException e) {
            throw notA("a JSON array", request, r.body(), e);
        }
    }

    /** GET of a V3 listing in the {@code {data, meta:{pagination}}} envelope. */
    public V3Page v3Page(String path, Map<String, String> query, SourceStats stats) {
        Request request = request(path, query);
        HttpTransport.HttpResult r = send(request, stats);
        List<Element> data = null;
        JsonNode pagination = null;
        try (JsonParser p = JSON.getFactory().createParser(r.body())) {
            if (p.nextToken() != JsonToken.START_OBJECT) throw notA("a V3 envelope", request, r.body(), null);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken t = p.nextToken();
                if (field.equals("data") && t == JsonToken.START_ARRAY) {
                    data = elements(p, r.body());
                } else if (field.equals("meta") && t == JsonToken.START_OBJECT) {
                    pagination = ((JsonNode) p.readValueAsTree()).path("pagination");
                } else {
                    p.skipChildren();
                }
            }
        } catch (IOException e) {
            throw notA("a V3 envelope", request, r.body(), e);
        }
        if (data == null) throw notA("a V3 envelope with a data array", request, r.body(), null);
        int current = pagination == null ? 0 : pagination.path("current_page").asInt(0);
        int totalPages = pagination == null ? 0 : pagination.path("total_pages").asInt(0);
        long total = pagination == null ? data.size() : pagination.path("total").asLong(data.size());
        return new V3Page(data, current, totalPages, total);
    }

    /** How many times the client waited for a window to reset rather than send into an exhausted quota. */
    public long pacingWaits() { return pacingWaits; }

    // ---------------------------------------------------------------- HTTP

    private Request request(String path, Map<String, String> query) {
        HttpUrl.Builder url = storeUrl.newBuilder().addPathSegments(path.startsWith("/") ? path.substring(1) : path);
        query.forEach(url::addQueryParameter);
        return new Request.Builder().url(url.build()).get()
                .header("X-Auth-Token", config.authToken())
                .header("Accept", "application/json")
                .build();
    }

    private HttpTransport.HttpResult send(Request request, SourceStats stats) {
        pace();
        HttpTransport.HttpResult r = transport.send(request, stats, null, BigCommerceClient::rateLimitWait);
        observe(r.headers());
        return r;
    }

    private void pace() {
        Duration wait = waitBeforeNext;
        waitBeforeNext = null;
        if (wait == null) return;
        pacingWaits++;
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExtractException(config.sourceName() + ": interrupted while waiting for the rate-limit window", e);
        }
    }

    /** After a success: when the window's requests are used up, the next request waits for its reset. */
    private void observe(Headers h) {
        Long left = number(h, LEFT);
        Long reset = number(h, RESET_MS);
        if (left != null && left <= 0 && reset != null) waitBeforeNext = Duration.ofMillis(Math.max(0, reset));
    }

    /** 429 with BigCommerce's headers: wait for the reset. Without them (load shedding), and for 5xx: back off. */
    static Duration rateLimitWait(int status, Headers h) {
        if (status != 429) return null;
        Long reset = number(h, RESET_MS);
        return reset == null ? null : Duration.ofMillis(Math.max(0, reset));
    }

    private static Long number(Headers h, String name) {
        String v = h.get(name);
        if (v == null || v.isBlank()) return null;
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    // ---------------------------------------------------------------- JSON

    /** Reads the elements of the array the parser stands at, each with its exact text. */
    private static List<Element> elements(JsonParser p, String body) throws IOException {
        List<Element> out = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == null) throw new IOException("the array is not closed");
            int start = (int) p.currentTokenLocation().getCharOffset();
            JsonNode node = p.readValueAsTree();
            int end = (int) p.currentLocation().getCharOffset();
            out.add(new Element(node, body.substring(start, end)));
        }
        return out;
    }

    private ExtractException notA(String what, Request request, String body, Exception cause) {
        String shown = body.length() > 300 ? body.substring(0, 300) + "…" : body;
        return new ExtractException(config.sourceName() + ": GET " + request.url().encodedPath() + " answered 200 but the body is not "
                + what + (cause == null ? "" : " (" + cause.getMessage() + ")") + ": " + shown, cause);
    }
}
