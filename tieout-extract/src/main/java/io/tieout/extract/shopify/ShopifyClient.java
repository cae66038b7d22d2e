package io.tieout.extract.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tieout.extract.ExtractException;
import io.tieout.extract.SourceStats;
import io.tieout.extract.http.HttpTransport;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

import java.time.Duration;
import java.util.Map;

/**
 * GraphQL over {@link HttpTransport} for one store: POSTs to {@code /admin/api/{version}/graphql.json}
 * with the access token; a THROTTLED answer (HTTP 200, or a 429) is retried after the time the bucket
 * needs to hold the query's cost, (requestedQueryCost − currentlyAvailable) / restoreRate seconds;
 * any other GraphQL error, or a search term Shopify says it ignored, fails the extract with the
 * source's name and Shopify's message.
 */
public final class ShopifyClient {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final MediaType APPLICATION_JSON = MediaType.get("application/json");
    private static final Duration MIN_THROTTLE_WAIT = Duration.ofMillis(100);

    private final ShopifyConfig config;
    private final HttpTransport transport;

    public ShopifyClient(ShopifyConfig config, HttpTransport transport) {
        this.config = config;
        this.transport = transport;
    }

    public String sourceName() { return config.sourceName(); }

    /** A successful answer: the body as sent and its parse. */
    public record Response(String body, JsonNode json) {
        public JsonNode data() { return json.path("data"); }
    }

    /** Runs one query; {@code what} names it in errors ("orders page 3"). */
    public Response query(String what, String document, Map<String, Object> variables, SourceStats stats) {
        ObjectNode payload = JSON.createObjectNode();
        payload.put("query", document);
        payload.set("variables", JSON.valueToTree(variables));
        Request request = new Request.Builder()
                .url(config.graphqlUrl())
                .header("X-Shopify-Access-Token", config.accessToken())
                .header("Accept", "application/json")
                .post(RequestBody.create(payload.toString(), APPLICATION_JSON))
                .build();
        HttpTransport.HttpResult result = transport.send(request, stats, (body, headers) -> throttleWait(body));
        JsonNode json;
        try {
            json = JSON.readTree(result.body());
        } catch (Exception e) {
            throw new ExtractException(config.sourceName() + ": " + what + ": Shopify answered " + result.status()
                    + " with a body that is not JSON: " + abbreviate(result.body()), e);
        }
        if (json == null || !json.isObject()) {
            throw new ExtractException(config.sourceName() + ": " + what + ": Shopify answered with no JSON object: " + abbreviate(result.body()));
        }
        JsonNode errors = json.path("errors");
        if (!errors.isMissingNode() && !errors.isNull() && !(errors.isArray() && errors.isEmpty())) {
            throw new ExtractException(config.sourceName() + ": " + what + " failed: GraphQL error: " + describe(errors));
        }
        for (JsonNode search : json.path("extensions").path("search")) {
            for (JsonNode w : search.path("warnings")) {
                throw new ExtractException(config.sourceName() + ": " + what + ": Shopify ignored search field '" + w.path("field").asText()
                        + "' (" + w.path("message").asText() + ") in query \"" + search.path("query").asText()
                        + "\"; an ignored filter would silently widen the read");
            }
        }
        return new Response(result.body(), json);
    }

    /**
     * How long to wait before retrying a THROTTLED answer, or null if the answer is not a throttle.
     * Package-visible for tests.
     */
    static Duration throttleWait(String body) {
        if (body == null || !body.contains("THROTTLED")) return null;
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (Exception e) {
            return null;
        }
        boolean throttled = false;
        for (JsonNode e : json.path("errors")) {
            if ("THROTTLED".equals(e.path("extensions").path("code").asText())) throttled = true;
        }
        if (!throttled) return null;
        JsonNode cost = json.path("extensions").path("cost");
        JsonNode status = cost.path("throttleStatus");
        double requested = cost.path("requestedQueryCost").asDouble(Double.NaN);
        double availableNow = status.path("currentlyAvailable").asDouble(Double.NaN);
        double restoreRate = status.path("restoreRate").asDouble(Double.NaN);
        if (Double.isNaN(requested) || Double.isNaN(availableNow) || Double.isNaN(restoreRate) || restoreRate <= 0) {
            return Duration.ofSeconds(1);
        }
        long millis = (long) Math.ceil(Math.max(0, requested - availableNow) / restoreRate * 1000);
        Duration wait = Duration.ofMillis(millis);
        return wait.compareTo(MIN_THROTTLE_WAIT) < 0 ? MIN_THROTTLE_WAIT : wait;
    }

    private static String describe(JsonNode errors) {
        if (errors.isTextual()) return errors.asText();
        StringBuilder sb = new StringBuilder();
        for (JsonNode e : errors) {
            if (sb.length() > 0) sb.append("; ");
            sb.append(e.path("message").asText(e.toString()));
            String code = e.path("extensions").path("code").asText("");
            if (!code.isEmpty()) sb.append(" (").append(code).append(")");
        }
        return sb.length() == 0 ? errors.toString() : sb.toString();
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
