package io.tieout.sandbox.bigcommerce;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.tieout.sandbox.payload.BigCommercePayloads;
import io.tieout.sandbox.scenario.SourceRecord;
import io.tieout.sandbox.sim.FaultPlan;
import io.tieout.sandbox.sim.SimulatorServer;
import io.tieout.sandbox.sim.SimulatorServer.Reply;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One BigCommerce store on loopback, serving the scenario's records of one BigCommerce source
 * (objects {@code orders}, {@code order_products}, {@code refunds}) the way the real API does:
 *
 * <ul>
 *   <li>{@code GET /stores/{hash}/v2/orders}: {@code min_date_modified}, {@code max_date_modified}
 *       (RFC-2822 or ISO-8601, inclusive, to the second), {@code sort} ({@code id}, {@code date_created},
 *       {@code date_modified}, with {@code :asc}/{@code :desc}; default id asc), {@code page} (from 1),
 *       {@code limit} (default 50, at most 250), {@code is_deleted=true} for archived orders only (they are
 *       never listed otherwise). A bare JSON array; 204 No Content for an empty page.</li>
 *   <li>{@code GET /stores/{hash}/v2/orders/{id}/products}: {@code page}, {@code limit}; a bare array,
 *       204 past the last line, 404 for an unknown order.</li>
 *   <li>{@code GET /stores/{hash}/v3/orders/payment_actions/refunds}: {@code created:min},
 *       {@code created:max} (RFC-3339, inclusive), {@code page}, {@code limit} (default 50, at most 250),
 *       ordered by refund id, in the V3 envelope {@code {data, meta:{pagination}}}.</li>
 * </ul>
 *
 * Auth is {@code X-Auth-Token}; missing or wrong gets 401 with the gateway's error JSON. Every
 * authenticated response carries {@code X-Rate-Limit-Time-Window-Ms}, {@code X-Rate-Limit-Time-Reset-Ms},
 * {@code X-Rate-Limit-Requests-Quota} and {@code X-Rate-Limit-Requests-Left}; past the quota the answer
 * is 429 with the same headers. Faults come from {@link #faults()} (a 429 injected there is load
 * shedding: no rate-limit headers). The hook of {@link FaultPlan#afterPage} counts pages of the two
 * listings, orders and refunds (product pages are sub-resources of an order already listed).
 *
 * <p>Order filters and sort use the order payload's {@code date_modified} (what the real API exposes),
 * refund filters its {@code created}; a malformed payload from the fault plan only changes what is served.
 */
public final class BigCommerceSimulator implements AutoCloseable {
    public static final String ORDERS = "orders";
    public static final String ORDER_PRODUCTS = "order_products";
    public static final String REFUNDS = "refunds";
    public static final int MAX_LIMIT = 250;
    public static final int DEFAULT_LIMIT = 50;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
    private static final Pattern PATH = Pattern.compile("/stores/([^/]+)(/.*)");
    private static final Pattern PRODUCTS = Pattern.compile("/v2/orders/([^/]+)/products/?");
    private static final String UNAUTHORIZED = "{\"status\":401,\"title\":\"No valid credentials were found in this request\","
            + "\"type\":\"https://developer.bigcommerce.com/api-docs/getting-started/api-status-codes\",\"errors\":{}}";

    private final SimulatorServer server;
    private final String storeHash;
    private final String authToken;
    private final BigCommerceQuota quota;
    private final Map<String, SourceRecord> records = new LinkedHashMap<>();
    /** Indexes kept on put: the listing fields of each order, each refund's created, each order's lines. */
    private final Map<String, Listed> orderIndex = new LinkedHashMap<>();
    private final Map<String, Instant> refundCreated = new LinkedHashMap<>();
    private final Map<String, TreeMap<Long, SourceRecord>> linesByOrder = new HashMap<>();
    private final Map<String, String> lineOrder = new HashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private String source;

    /** One request as the simulator saw it: path after the store prefix, decoded query, answer status. */
    public record Request(String method, String path, Map<String, String> query, int status) {}

    private BigCommerceSimulator(int port, List<SourceRecord> initial, String storeHash, String authToken,
                                 BigCommerceQuota quota) {
        this.storeHash = storeHash;
        this.authToken = authToken;
        this.quota = quota;
        initial.forEach(this::put);
        this.server = SimulatorServer.start(port, new FaultPlan(), this::handle);
    }

    /**
     * Starts a store on 127.0.0.1 ({@code port} 0 picks a free one) serving {@code records}, all of one
     * BigCommerce source.
     */
    public static BigCommerceSimulator start(int port, List<SourceRecord> records, String storeHash, String authToken,
                                             BigCommerceQuota quota) {
        return new BigCommerceSimulator(port, records, storeHash, authToken, quota);
    }

    /** The records of {@code source} among a scenario's, the ones a BigCommerce store of that name serves. */
    public static List<SourceRecord> recordsOf(List<SourceRecord> all, String source) {
        return all.stream().filter(r -> r.source().equals(source)
                && (r.object().equals(ORDERS) || r.object().equals(ORDER_PRODUCTS) || r.object().equals(REFUNDS))).toList();
    }

    public String baseUrl() { return server.baseUrl(); }

    public int port() { return server.port(); }

    public FaultPlan faults() { return server.faults(); }

    public BigCommerceQuota quota() { return quota; }

    public String storeHash() { return storeHash; }

    /** Every request so far, in order. */
    public List<Request> requests() { return List.copyOf(requests); }

    /** How many requests were answered 429 by the quota (injected faults never reach the handler). */
    public long tooManyRequestsServed() {
        return requests.stream().filter(r -> r.status() == 429).count();
    }

    /** Adds a record or replaces the one with the same object and id (the store's data changed). */
    public synchronized void put(SourceRecord r) {
        if (!r.object().equals(ORDERS) && !r.object().equals(ORDER_PRODUCTS) && !r.object().equals(REFUNDS)) {
            throw new IllegalArgumentException("a BigCommerce store has no object '" + r.object() + "' (record " + r.id() + ")");
        }
        if (source == null) source = r.source();
        if (!source.equals(r.source())) {
            throw new IllegalArgumentException("one simulator serves one BigCommerce source: " + source + ", not " + r.source()
                    + " (filter with recordsOf)");
        }
        records.put(r.object() + "/" + r.id(), r);
        switch (r.object()) {
            case ORDERS -> orderIndex.put(r.id(), listed(r));
            case REFUNDS -> refundCreated.put(r.id(), createdOf(r));
            default -> {
                String previous = lineOrder.remove(r.id());
                if (previous != null) linesByOrder.getOrDefault(previous, new TreeMap<>()).remove(lineKey(r.id()));
                String orderId = text(r.payload(), "order_id");
                if (orderId != null) {
                    lineOrder.put(r.id(), orderId);
                    linesByOrder.computeIfAbsent(orderId, k -> new TreeMap<>()).put(lineKey(r.id()), r);
                }
            }
        }
    }

    private static long lineKey(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            return id.hashCode();
        }
    }

    public synchronized Optional<SourceRecord> record(String object, String id) {
        return Optional.ofNullable(records.get(object + "/" + id));
    }

    /** The store's records as they stand now. */
    public synchronized List<SourceRecord> records() {
        return List.copyOf(records.values());
    }

    /** Edits an order: {@code change} alters its JSON, and date_modified becomes {@code modifiedAt}. */
    public synchronized SourceRecord editOrder(String orderId, Instant modifiedAt, Consumer<ObjectNode> change) {
        SourceRecord old = record(ORDERS, orderId).orElseThrow(() -> new IllegalArgumentException("no order " + orderId));
        ObjectNode n = (ObjectNode) parse(old.payload());
        change.accept(n);
        n.put("date_modified", BigCommercePayloads.rfc2822(modifiedAt));
        SourceRecord edited = new SourceRecord(old.source(), ORDERS, orderId, modifiedAt, write(n));
        put(edited);
        return edited;
    }

    /** Cancels an order (status 5) at {@code at}. */
    public SourceRecord cancelOrder(String orderId, Instant at) {
        return editOrder(orderId, at, n -> {
            n.put("status_id", 5);
            n.put("status", "Cancelled");
        });
    }

    /**
     * Archives an order (DELETE /v2/orders/{id}): from then on it is listed only with is_deleted=true.
     * Its date_modified moves to {@code at} (assumed; the API reference does not say).
     */
    public SourceRecord archiveOrder(String orderId, Instant at) {
        return editOrder(orderId, at, n -> n.put("is_deleted", true));
    }

    @Override
    public void close() {
        server.close();
    }

    // ---------------------------------------------------------------- serving

    private Reply handle(HttpExchange ex, String body) {
        String rawPath = ex.getRequestURI().getRawPath();
        Map<String, String> query = query(ex.getRequestURI().getRawQuery());
        Matcher m = PATH.matcher(rawPath);
        String path = m.matches() ? m.group(2) : rawPath;
        Reply reply = route(ex, m.matches() ? m.group(1) : null, path, query);
        requests.add(new Request(ex.getRequestMethod(), path, query, reply.status()));
        return reply;
    }

    private Reply route(HttpExchange ex, String hash, String path, Map<String, String> query) {
        if (hash == null || !hash.equals(storeHash)) {
            return v2Error(404, "The requested resource was not found. (store '" + hash + "')");
        }
        if (!authToken.equals(ex.getRequestHeaders().getFirst("X-Auth-Token"))) {
            return Reply.json(401, UNAUTHORIZED);
        }
        BigCommerceQuota.Decision d = quota.take();
        Map<String, String> headers = Map.of(
                "X-Rate-Limit-Time-Window-Ms", Long.toString(d.windowMs()),
                "X-Rate-Limit-Time-Reset-Ms", Long.toString(d.resetMs()),
                "X-Rate-Limit-Requests-Quota", Integer.toString(d.quota()),
                "X-Rate-Limit-Requests-Left", Integer.toString(d.left()));
        if (!d.allowed()) {
            return Reply.json(429, "{\"status\":429,\"title\":\"Too many requests\",\"type\":"
                    + "\"https://developer.bigcommerce.com/api-docs/getting-started/api-status-codes\"}").withHeaders(headers);
        }
        if (!ex.getRequestMethod().equals("GET")) return v2Error(405, "Method not allowed in this simulator").withHeaders(headers);
        try {
            Reply r;
            Matcher products = PRODUCTS.matcher(path);
            if (path.equals("/v2/orders") || path.equals("/v2/orders/")) {
                r = orders(query);
                faults().pageServed();
            } else if (products.matches()) {
                r = products(products.group(1), query);
            } else if (path.equals("/v3/orders/payment_actions/refunds")) {
                r = refunds(query);
                faults().pageServed();
            } else {
                r = v2Error(404, "The requested resource was not found.");
            }
            return r.withHeaders(headers);
        } catch (BadRequest e) {
            return (path.startsWith("/v3/") ? v3Error(e.getMessage()) : v2Error(400, e.getMessage())).withHeaders(headers);
        }
    }

    private Reply orders(Map<String, String> q) {
        Instant min = q.containsKey("min_date_modified") ? date(q, "min_date_modified") : null;
        Instant max = q.containsKey("max_date_modified") ? date(q, "max_date_modified") : null;
        boolean deleted = Boolean.parseBoolean(q.getOrDefault("is_deleted", "false"));
        int page = intParam(q, "page", 1);
        int limit = Math.min(MAX_LIMIT, intParam(q, "limit", DEFAULT_LIMIT));
        Comparator<Listed> order = sort(q.getOrDefault("sort", "id:asc"));
        List<Listed> matching;
        synchronized (this) {
            matching = orderIndex.values().stream()
                    .filter(l -> l.deleted == deleted)
                    .filter(l -> min == null || !l.modified.isBefore(min))
                    .filter(l -> max == null || !l.modified.isAfter(max))
                    .sorted(order).toList();
        }
        return v2Page(matching.stream().map(l -> l.record).toList(), page, limit);
    }

    private Reply products(String orderId, Map<String, String> q) {
        int page = intParam(q, "page", 1);
        int limit = Math.min(MAX_LIMIT, intParam(q, "limit", DEFAULT_LIMIT));
        List<SourceRecord> lines;
        synchronized (this) {
            if (!records.containsKey(ORDERS + "/" + orderId)) return v2Error(404, "The requested resource was not found.");
            lines = List.copyOf(linesByOrder.getOrDefault(orderId, new TreeMap<>()).values());
        }
        return v2Page(lines, page, limit);
    }

    private Reply refunds(Map<String, String> q) {
        Instant min = q.containsKey("created:min") ? rfc3339(q, "created:min") : null;
        Instant max = q.containsKey("created:max") ? rfc3339(q, "created:max") : null;
        int page = intParam(q, "page", 1);
        int limit = Math.min(MAX_LIMIT, intParam(q, "limit", DEFAULT_LIMIT));
        List<SourceRecord> matching;
        synchronized (this) {
            matching = records.values().stream().filter(r -> r.object().equals(REFUNDS))
                    .filter(r -> {
                        Instant created = refundCreated.get(r.id());
                        return (min == null || !created.isBefore(min)) && (max == null || !created.isAfter(max));
                    })
                    .sorted(Comparator.comparing(SourceRecord::id, BigCommerceSimulator::compareIds)).toList();
        }
        int total = matching.size();
        int totalPages = (total + limit - 1) / limit;
        List<SourceRecord> slice = slice(matching, page, limit);
        StringBuilder b = new StringBuilder("{\"data\":[");
        for (int i = 0; i < slice.size(); i++) {
            if (i > 0) b.append(',');
            b.append(served(slice.get(i)));
        }
        b.append("],\"meta\":{\"pagination\":{\"total\":").append(total).append(",\"count\":").append(slice.size())
                .append(",\"per_page\":").append(limit).append(",\"current_page\":").append(page)
                .append(",\"total_pages\":").append(totalPages).append(",\"links\":{");
        if (page > 1) b.append("\"previous\":\"?page=").append(page - 1).append("&limit=").append(limit).append("\",");
        b.append("\"current\":\"?page=").append(page).append("&limit=").append(limit).append('"');
        if (page < totalPages) b.append(",\"next\":\"?page=").append(page + 1).append("&limit=").append(limit).append('"');
        b.append("}}}}");
        return Reply.json(200, b.toString());
    }

    private Reply v2Page(List<SourceRecord> all, int page, int limit) {
        List<SourceRecord> slice = slice(all, page, limit);
        if (slice.isEmpty()) return new Reply(204, "application/json", "", Map.of());
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < slice.size(); i++) {
            if (i > 0) b.append(',');
            b.append(served(slice.get(i)));
        }
        return Reply.json(200, b.append(']').toString());
    }

    private static List<SourceRecord> slice(List<SourceRecord> all, int page, int limit) {
        long from = (long) (page - 1) * limit;
        if (from >= all.size()) return List.of();
        return all.subList((int) from, (int) Math.min(all.size(), from + limit));
    }

    private String served(SourceRecord r) {
        return faults().malformedPayload(r.object(), r.id()).orElse(r.payload());
    }

    // ---------------------------------------------------------------- record fields

    private record Listed(SourceRecord record, Instant modified, Instant created, boolean deleted) {}

    private Listed listed(SourceRecord r) {
        JsonNode n = tryParse(r.payload());
        Instant modified = n == null ? null : rfc2822OrNull(n.path("date_modified").asText(null));
        Instant created = n == null ? null : rfc2822OrNull(n.path("date_created").asText(null));
        Instant fallback = r.updatedAt().truncatedTo(ChronoUnit.SECONDS);
        boolean deleted = n != null && n.path("is_deleted").asBoolean(false);
        return new Listed(r, modified == null ? fallback : modified, created == null ? fallback : created, deleted);
    }

    private static Instant createdOf(SourceRecord r) {
        String created = text(r.payload(), "created");
        if (created != null) {
            try {
                return OffsetDateTime.parse(created).toInstant();
            } catch (DateTimeParseException ignored) {
                // fall through to the record's own time
            }
        }
        return r.updatedAt();
    }

    private static Comparator<Listed> sort(String sort) {
        String[] parts = sort.split(":", 2);
        Comparator<Listed> byId = Comparator.comparing(l -> l.record.id(), BigCommerceSimulator::compareIds);
        Comparator<Listed> c = switch (parts[0]) {
            case "id" -> byId;
            case "date_modified" -> Comparator.comparing((Listed l) -> l.modified).thenComparing(byId);
            case "date_created" -> Comparator.comparing((Listed l) -> l.created).thenComparing(byId);
            default -> throw new BadRequest("The field 'sort' is invalid: '" + sort + "'.");
        };
        String dir = parts.length > 1 ? parts[1] : "asc";
        return switch (dir) {
            case "asc" -> c;
            case "desc" -> c.reversed();
            default -> throw new BadRequest("The field 'sort' is invalid: '" + sort + "'.");
        };
    }

    static int compareIds(String a, String b) {
        try {
            return Long.compare(Long.parseLong(a), Long.parseLong(b));
        } catch (NumberFormatException e) {
            return a.compareTo(b);
        }
    }

    // ---------------------------------------------------------------- parameters

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) return q;
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            q.put(k, v);
        }
        return q;
    }

    private static int intParam(Map<String, String> q, String name, int dflt) {
        String v = q.get(name);
        if (v == null) return dflt;
        try {
            int i = Integer.parseInt(v.trim());
            if (i < 1) throw new BadRequest("The field '" + name + "' must be at least 1.");
            return i;
        } catch (NumberFormatException e) {
            throw new BadRequest("The field '" + name + "' is invalid: '" + v + "'.");
        }
    }

    /** V2 date filters: RFC-2822 or ISO-8601. */
    private static Instant date(Map<String, String> q, String name) {
        String v = q.get(name).trim();
        Instant t = rfc2822OrNull(v);
        if (t != null) return t;
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(v);
            } catch (DateTimeParseException e2) {
                throw new BadRequest("The field '" + name + "' is invalid: '" + v + "' is neither RFC-2822 nor ISO-8601.");
            }
        }
    }

    private static Instant rfc3339(Map<String, String> q, String name) {
        String v = q.get(name).trim();
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadRequest("Invalid " + name + ": '" + v + "' is not an RFC-3339 date-time");
        }
    }

    private static Instant rfc2822OrNull(String v) {
        if (v == null) return null;
        try {
            return OffsetDateTime.parse(v.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    // ---------------------------------------------------------------- JSON

    private static String text(String payload, String field) {
        JsonNode n = tryParse(payload);
        if (n == null) return null;
        JsonNode f = n.get(field);
        return f == null || f.isNull() ? null : f.asText();
    }

    private static JsonNode tryParse(String payload) {
        try {
            return JSON.readTree(payload);
        } catch (Exception e) {
            return null;
        }
    }

    private static JsonNode parse(String payload) {
        JsonNode n = tryParse(payload);
        if (!(n instanceof ObjectNode)) throw new IllegalArgumentException("not a JSON object: " + payload);
        return n;
    }

    private static String write(JsonNode n) {
        try {
            return JSON.writeValueAsString(n);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Reply v2Error(int status, String message) {
        return Reply.json(status, "[{\"status\":" + status + ",\"message\":" + quote(message) + "}]");
    }

    private static Reply v3Error(String message) {
        return Reply.json(422, "{\"status\":422,\"title\":" + quote(message) + ",\"type\":"
                + "\"https://developer.bigcommerce.com/api-docs/getting-started/api-status-codes\",\"errors\":{}}");
    }

    private static String quote(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message);
        }
    }
}
