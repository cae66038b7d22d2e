package io.tieout.sandbox.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import com.sun.net.httpserver.HttpExchange;
import io.tieout.sandbox.scenario.SourceRecord;
import io.tieout.sandbox.sim.FaultPlan;
import io.tieout.sandbox.sim.SimulatorServer;
import io.tieout.sandbox.sim.SimulatorServer.Reply;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shopify's Admin GraphQL API on loopback, as far as an incremental extractor sees it:
 * {@code POST /admin/api/{version}/graphql.json} with {@code X-Shopify-Access-Token}; root fields
 * {@code orders}, {@code customers}, {@code products} (cursor connections with the {@code query:}
 * search syntax on {@code updated_at}/{@code created_at} and a sort key), {@code events} (the shop's
 * event log: {@code subject_type}, {@code action}, {@code created_at}), and {@code nodes(ids:)}; the
 * calculated-query-cost leaky bucket with {@code extensions.cost} on every answer and
 * {@code THROTTLED} (HTTP 200, data absent) when the bucket cannot pay for a query.
 *
 * <p>Nodes are served as stored (the selection set is not applied), so a connector must ask for the
 * fields the payload writers emit. Customers and products are not in scenarios yet: the simulator
 * derives them from the orders (each order's customer; one product per SKU). The event log is
 * derived too: {@code placed} at an order's createdAt, {@code cancelled} at its cancelledAt, and
 * {@code refund_success} at each refund's createdAt, appended when {@link #put} brings a new refund,
 * whether or not the order's updatedAt moved.
 */
public final class ShopifySimulator implements AutoCloseable {
    public static final String INVALID_TOKEN = "[API] Invalid API key or access token (unrecognized login or wrong password)";
    public static final int MAX_PAGE = 250;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PATH = Pattern.compile("/admin/api/([0-9]{4}-[0-9]{2}|unstable)/graphql\\.json");
    private static final Pattern GID = Pattern.compile("gid://shopify/(\\w+)/(\\d+)");

    private final SimulatorServer server;
    private final String accessToken;
    private final ShopifyThrottle throttle;
    private double available;
    private Instant lastRefill;
    private final Map<String, Stored> orders = new HashMap<>();
    private final List<Event> events = new ArrayList<>();
    private long nextEventId = 1;
    private long graphqlRequests;
    private long throttledResponses;
    /** Derived views of the orders, dropped on every put. */
    private final Map<String, List<Stored>> sortedOrders = new HashMap<>();
    private List<Stored> customersCache;
    private List<Stored> productsCache;
    private int maxLinesCache = -1;

    private ShopifySimulator(List<SourceRecord> records, String accessToken, ShopifyThrottle throttle, int port) {
        this.accessToken = accessToken;
        this.throttle = throttle;
        this.available = throttle.maximumAvailable();
        this.lastRefill = throttle.clock().instant();
        List<SourceRecord> mine = records.stream().filter(ShopifySimulator::isShopifyOrder)
                .sorted(Comparator.comparing(SourceRecord::updatedAt).thenComparing(r -> numericId(r.id()))).toList();
        for (SourceRecord r : mine) put(r);
        this.server = SimulatorServer.start(port, new FaultPlan(), this::handle);
    }

    /**
     * Starts a simulator serving the Shopify orders among {@code records} (object {@code orders} with
     * an Order GID in the payload); port 0 picks a free port.
     */
    public static ShopifySimulator start(int port, List<SourceRecord> records, String accessToken, ShopifyThrottle throttle) {
        return new ShopifySimulator(records, accessToken, throttle, port);
    }

    public String baseUrl() { return server.baseUrl(); }

    public int port() { return server.port(); }

    /** Faults the server injects: request faults, malformed nodes (object/id), a hook after page n. */
    public FaultPlan faults() { return server.faults(); }

    /**
     * Adds or replaces an order (an edit, a refund, a cancellation). The record's updatedAt is what
     * the {@code updated_at} search and sort see; leave it unchanged to model a change Shopify did not
     * stamp. New refunds and cancellations are logged as events at their own timestamps.
     */
    public synchronized void put(SourceRecord record) {
        if (!record.object().equals("orders")) throw new IllegalArgumentException("the Shopify simulator stores orders, not " + record.object());
        Stored before = orders.get(record.id());
        Stored after = Stored.of(record);
        orders.put(record.id(), after);
        sortedOrders.clear();
        customersCache = null;
        productsCache = null;
        maxLinesCache = -1;
        logEvents(before, after);
    }

    /** The orders as currently stored, in (updatedAt, id) order. */
    public synchronized List<SourceRecord> orders() {
        return sortedOrders("UPDATED_AT").stream().map(s -> s.record).toList();
    }

    /** The customers the simulator derives from the orders, as it serves them. */
    public synchronized List<SourceRecord> customers() {
        return derivedCustomers().stream().map(s -> s.record).toList();
    }

    /** The products (one per SKU) the simulator derives from the orders, as it serves them. */
    public synchronized List<SourceRecord> products() {
        return derivedProducts().stream().map(s -> s.record).toList();
    }

    public synchronized long graphqlRequests() { return graphqlRequests; }

    public synchronized long throttledResponses() { return throttledResponses; }

    /** The points currently in the bucket (after refilling to the clock's now). */
    public synchronized double currentlyAvailable() {
        refill();
        return available;
    }

    @Override
    public void close() {
        server.close();
    }

    // ------------------------------------------------------------------ request handling

    private Reply handle(HttpExchange ex, String body) {
        Matcher path = PATH.matcher(ex.getRequestURI().getPath());
        if (!path.matches()) return Reply.json(404, "{\"errors\":\"Not Found\"}");
        if (!ex.getRequestMethod().equals("POST")) return Reply.json(405, "{\"errors\":\"Method Not Allowed\"}");
        String token = ex.getRequestHeaders().getFirst("X-Shopify-Access-Token");
        if (token == null || !token.equals(accessToken)) {
            return Reply.json(401, "{\"errors\":\"" + INVALID_TOKEN + "\"}");
        }
        JsonNode request;
        try {
            request = JSON.readTree(body);
        } catch (Exception e) {
            return Reply.json(400, "{\"errors\":{\"query\":\"Required parameter missing or invalid\"}}");
        }
        if (request == null || !request.path("query").isTextual()) {
            return Reply.json(400, "{\"errors\":{\"query\":\"Required parameter missing or invalid\"}}");
        }
        boolean listing = false;
        Reply reply;
        synchronized (this) {
            graphqlRequests++;
            GraphQlCall call;
            try {
                call = GraphQlCall.parse(request.get("query").asText(), request.get("variables"));
            } catch (IllegalArgumentException e) {
                return graphQlError(e.getMessage(), "PARSE_ERROR", null);
            }
            try {
                Answer answer = switch (call.field) {
                    case "orders" -> connection(call, "orders", sortedOrders(call.stringArg("sortKey")), Set.of("updated_at", "created_at"),
                            Set.of("UPDATED_AT", "CREATED_AT", "ID"), orderCost());
                    case "customers" -> connection(call, "customers", derivedCustomers(), Set.of("updated_at", "created_at"),
                            Set.of("UPDATED_AT", "CREATED_AT", "ID"), s -> 2);
                    case "products" -> connection(call, "products", derivedProducts(), Set.of("updated_at", "created_at"),
                            Set.of("UPDATED_AT", "CREATED_AT", "ID"), s -> 2);
                    case "events" -> events(call);
                    case "nodes" -> nodes(call);
                    default -> throw new GraphQlError("Field '" + call.field + "' doesn't exist on type 'QueryRoot'", "undefinedField");
                };
                reply = answer.reply;
                listing = answer.listing;
            } catch (GraphQlError e) {
                return graphQlError(e.getMessage(), e.code, null);
            } catch (IllegalArgumentException e) {
                return graphQlError(e.getMessage(), "BAD_REQUEST", null);
            }
        }
        if (listing) faults().pageServed();
        return reply;
    }

    private record Answer(Reply reply, boolean listing) {}

    private static final class GraphQlError extends RuntimeException {
        final String code;

        GraphQlError(String message, String code) {
            super(message);
            this.code = code;
        }
    }

    private Function<Stored, Integer> orderCost() {
        return s -> 1 + s.lines;
    }

    private int maxLines() {
        if (maxLinesCache < 0) {
            int max = 1;
            for (Stored s : orders.values()) max = Math.max(max, s.lines);
            maxLinesCache = max;
        }
        return maxLinesCache;
    }

    private List<Stored> sortedOrders(String sortKey) {
        String key = sortKey == null ? "ID" : sortKey;
        return sortedOrders.computeIfAbsent(key, k -> sorted(orders.values(), k));
    }

    private Answer connection(GraphQlCall call, String field, List<Stored> all, Set<String> searchFields, Set<String> sortKeys,
                              Function<Stored, Integer> nodeCost) {
        int first = first(call, field);
        String sortKey = call.stringArg("sortKey") == null ? "ID" : call.stringArg("sortKey");
        if (!sortKeys.contains(sortKey)) {
            throw new GraphQlError("Argument 'sortKey' on Field '" + field + "' has an invalid value (" + sortKey + ").", "argumentLiteralsIncompatible");
        }
        if ("true".equals(call.stringArg("reverse"))) throw new GraphQlError("the simulator does not support reverse: true", "BAD_REQUEST");
        int perNode = field.equals("orders") ? 1 + maxLines() : 2;
        int requested = 1 + first * perNode;
        Reply throttled = charge(requested);
        if (throttled != null) return new Answer(throttled, false);

        SearchQuery q = SearchQuery.parse(call.stringArg("query"), searchFields);
        List<Stored> matching = new ArrayList<>();
        for (Stored s : all) {
            if (q.matchesTime("updated_at", s.record.updatedAt()) && q.matchesTime("created_at", s.createdAt)) matching.add(s);
        }
        List<Stored> ordered = sorted(matching, sortKey); // linear when the input is already in order
        Key after = call.stringArg("after") == null ? null : Key.decode(call.stringArg("after"));
        List<Stored> page = new ArrayList<>();
        boolean hasNext = false;
        for (Stored s : ordered) {
            Key k = Key.of(s, sortKey);
            if (after != null && k.compareTo(after) <= 0) continue;
            if (page.size() == first) {
                hasNext = true;
                break;
            }
            page.add(s);
        }
        int actual = 1;
        ObjectNode root = JSON.createObjectNode();
        ObjectNode conn = root.putObject("data").putObject(field);
        ArrayNode edges = conn.putArray("edges");
        String endCursor = null;
        for (Stored s : page) {
            actual += nodeCost.apply(s);
            String cursor = Key.of(s, sortKey).encode();
            ObjectNode edge = edges.addObject();
            edge.put("cursor", cursor);
            edge.putRawValue("node", new RawValue(served(field, s)));
            endCursor = cursor;
        }
        ObjectNode pageInfo = conn.putObject("pageInfo");
        pageInfo.put("hasNextPage", hasNext);
        pageInfo.put("hasPreviousPage", after != null);
        if (page.isEmpty()) pageInfo.putNull("startCursor");
        else pageInfo.put("startCursor", Key.of(page.get(0), sortKey).encode());
        if (endCursor == null) pageInfo.putNull("endCursor");
        else pageInfo.put("endCursor", endCursor);
        settle(requested, actual, root, field, call.stringArg("query"), q.unknownFields());
        return new Answer(Reply.json(200, write(root)), true);
    }

    private Answer events(GraphQlCall call) {
        int first = first(call, "events");
        String sortKey = call.stringArg("sortKey") == null ? "ID" : call.stringArg("sortKey");
        if (!sortKey.equals("ID") && !sortKey.equals("CREATED_AT")) {
            throw new GraphQlError("Argument 'sortKey' on Field 'events' has an invalid value (" + sortKey + ").", "argumentLiteralsIncompatible");
        }
        int requested = 1 + first;
        Reply throttled = charge(requested);
        if (throttled != null) return new Answer(throttled, false);
        SearchQuery q = SearchQuery.parse(call.stringArg("query"), Set.of("subject_type", "action", "created_at", "comments", "id"));
        Key after = call.stringArg("after") == null ? null : Key.decode(call.stringArg("after"));
        List<Event> ordered = new ArrayList<>();
        for (Event e : events) {
            if (q.matchesText("subject_type", e.subjectType) && q.matchesText("action", e.action) && q.matchesTime("created_at", e.createdAt)) {
                ordered.add(e);
            }
        }
        Comparator<Event> byId = Comparator.comparingLong(e -> e.id);
        ordered.sort(sortKey.equals("ID") ? byId : Comparator.comparing((Event e) -> e.createdAt).thenComparing(byId));
        List<Event> page = new ArrayList<>();
        boolean hasNext = false;
        for (Event e : ordered) {
            Key k = sortKey.equals("ID") ? new Key(null, e.id) : new Key(e.createdAt, e.id);
            if (after != null && k.compareTo(after) <= 0) continue;
            if (page.size() == first) {
                hasNext = true;
                break;
            }
            page.add(e);
        }
        ObjectNode root = JSON.createObjectNode();
        ObjectNode conn = root.putObject("data").putObject("events");
        ArrayNode edges = conn.putArray("edges");
        String endCursor = null;
        for (Event e : page) {
            String cursor = (sortKey.equals("ID") ? new Key(null, e.id) : new Key(e.createdAt, e.id)).encode();
            ObjectNode edge = edges.addObject();
            edge.put("cursor", cursor);
            edge.set("node", e.json());
            endCursor = cursor;
        }
        ObjectNode pageInfo = conn.putObject("pageInfo");
        pageInfo.put("hasNextPage", hasNext);
        if (endCursor == null) pageInfo.putNull("endCursor");
        else pageInfo.put("endCursor", endCursor);
        settle(requested, 1 + page.size(), root, "events", call.stringArg("query"), q.unknownFields());
        return new Answer(Reply.json(200, write(root)), true);
    }

    private Answer nodes(GraphQlCall call) {
        List<String> ids = call.listArg("ids");
        if (ids == null) throw new GraphQlError("Field 'nodes' is missing required arguments: ids", "missingRequiredArguments");
        if (ids.size() > MAX_PAGE) {
            throw new GraphQlError("The ids argument of nodes can hold at most " + MAX_PAGE + " IDs, got " + ids.size() + ".", "MAX_INPUT_SIZE_EXCEEDED");
        }
        int requested = 1 + ids.size() * (1 + maxLines());
        Reply throttled = charge(requested);
        if (throttled != null) return new Answer(throttled, false);
        Map<String, Stored> customers = ids.stream().anyMatch(i -> i.contains("/Customer/")) ? byGid(derivedCustomers()) : Map.of();
        Map<String, Stored> products = ids.stream().anyMatch(i -> i.contains("/Product/")) ? byGid(derivedProducts()) : Map.of();
        ObjectNode root = JSON.createObjectNode();
        ArrayNode out = root.putObject("data").putArray("nodes");
        int actual = 1;
        for (String gid : ids) {
            Matcher m = GID.matcher(gid);
            Stored s = null;
            String object = null;
            if (m.matches()) {
                switch (m.group(1)) {
                    case "Order" -> { s = orders.get(m.group(2)); object = "orders"; }
                    case "Customer" -> { s = customers.get(gid); object = "customers"; }
                    case "Product" -> { s = products.get(gid); object = "products"; }
                    default -> { }
                }
            } else {
                throw new GraphQlError("Invalid global id '" + gid + "'", "argumentLiteralsIncompatible");
            }
            if (s == null) {
                out.addNull();
            } else {
                actual += object.equals("orders") ? 1 + s.lines : 2;
                out.addRawValue(new RawValue(served(object, s)));
            }
        }
        settle(requested, actual, root, "nodes", null, List.of());
        return new Answer(Reply.json(200, write(root)), false);
    }

    private static int first(GraphQlCall call, String field) {
        Integer first = call.intArg("first");
        if (first == null) {
            if (call.args.containsKey("last")) throw new GraphQlError("the simulator pages forward only (first/after)", "BAD_REQUEST");
            throw new GraphQlError("you must provide one of first or last", "BAD_REQUEST");
        }
        if (first < 0) throw new GraphQlError("Argument 'first' on Field '" + field + "' must be non-negative.", "BAD_REQUEST");
        if (first > MAX_PAGE) {
            throw new GraphQlError("Argument 'first' on Field '" + field + "' has an invalid value (" + first
                    + "). Expected a value of at most " + MAX_PAGE + ".", "BAD_REQUEST");
        }
        return first;
    }

    private String served(String object, Stored s) {
        return faults().malformedPayload(object, s.record.id()).orElse(s.record.payload());
    }

    // ------------------------------------------------------------------ the bucket

    private void refill() {
        Instant now = throttle.clock().instant();
        Duration elapsed = Duration.between(lastRefill, now);
        if (!elapsed.isNegative()) {
            double refilled = available + elapsed.toNanos() / 1e9 * throttle.restoreRate();
            // Rounded to a millionth of a point so that waiting exactly (requested − available) / restoreRate is enough.
            available = Math.min(throttle.maximumAvailable(), Math.round(refilled * 1e6) / 1e6);
            lastRefill = now;
        }
    }

    /** Takes the requested cost from the bucket, or answers THROTTLED (or MAX_COST_EXCEEDED) instead. */
    private Reply charge(int requested) {
        refill();
        if (requested > throttle.maximumAvailable()) {
            throw new GraphQlError("Query cost is " + requested + ", which exceeds the single query max cost limit ("
                    + (int) throttle.maximumAvailable() + ").", "MAX_COST_EXCEEDED");
        }
        if (available < requested) {
            throttledResponses++;
            ObjectNode root = JSON.createObjectNode();
            ObjectNode err = root.putArray("errors").addObject();
            err.put("message", "Throttled");
            ObjectNode ext = err.putObject("extensions");
            ext.put("code", "THROTTLED");
            ext.put("documentation", "https://shopify.dev/api/usage/rate-limits");
            ObjectNode cost = root.putObject("extensions").putObject("cost");
            cost.put("requestedQueryCost", requested);
            cost.putNull("actualQueryCost");
            throttleStatus(cost);
            return Reply.json(200, write(root));
        }
        available -= requested;
        return null;
    }

    /** Refunds the difference between requested and actual cost, and writes extensions.cost. */
    private void settle(int requested, int actual, ObjectNode root, String field, String query, List<String> unknownFields) {
        available = Math.min(throttle.maximumAvailable(), available + (requested - actual));
        ObjectNode extensions = root.putObject("extensions");
        ObjectNode cost = extensions.putObject("cost");
        cost.put("requestedQueryCost", requested);
        cost.put("actualQueryCost", actual);
        throttleStatus(cost);
        if (!unknownFields.isEmpty()) {
            ObjectNode search = extensions.putArray("search").addObject();
            search.putArray("path").add(field);
            search.put("query", query);
            ArrayNode warnings = search.putArray("warnings");
            for (String f : unknownFields) {
                ObjectNode w = warnings.addObject();
                w.put("field", f);
                w.put("message", "Invalid search field for this query.");
            }
        }
    }

    private void throttleStatus(ObjectNode cost) {
        ObjectNode status = cost.putObject("throttleStatus");
        status.put("maximumAvailable", throttle.maximumAvailable());
        status.put("currentlyAvailable", (long) Math.floor(available));
        status.put("restoreRate", throttle.restoreRate());
    }

    private static Reply graphQlError(String message, String code, String documentation) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode err = root.putArray("errors").addObject();
        err.put("message", message);
        ObjectNode ext = err.putObject("extensions");
        ext.put("code", code);
        if (documentation != null) ext.put("documentation", documentation);
        return Reply.json(200, write(root));
    }

    // ------------------------------------------------------------------ stored and derived data

    /** One node as stored, with what sorting, searching and costing need. */
    private static final class Stored {
        final SourceRecord record;
        final String gid;
        final long numericId;
        final Instant createdAt;
        final int lines;
        final JsonNode parsed;

        private Stored(SourceRecord record, String gid, Instant createdAt, int lines, JsonNode parsed) {
            this.record = record;
            this.gid = gid;
            this.numericId = numericId(record.id());
            this.createdAt = createdAt;
            this.lines = lines;
            this.parsed = parsed;
        }

        static Stored of(SourceRecord r) {
            JsonNode p = tryParse(r.payload());
            Instant created = r.updatedAt();
            int lines = 1;
            if (p != null) {
                try {
                    if (p.path("createdAt").isTextual()) created = Instant.parse(p.get("createdAt").asText());
                } catch (RuntimeException ignored) {
                    // an unreadable createdAt is served as stored; created_at search falls back to updatedAt
                }
                lines = Math.max(1, p.path("lineItems").path("nodes").size());
            }
            return new Stored(r, "gid://shopify/Order/" + r.id(), created, lines, p);
        }

        static Stored derived(SourceRecord r, String gid, Instant createdAt) {
            return new Stored(r, gid, createdAt, 1, null);
        }
    }

    private record Event(long id, String action, Instant createdAt, String subjectId, String subjectType, String message) {
        ObjectNode json() {
            ObjectNode n = JSON.createObjectNode();
            n.put("__typename", "BasicEvent");
            n.put("id", "gid://shopify/BasicEvent/" + id);
            n.put("action", action);
            n.put("createdAt", createdAt.toString());
            n.put("message", message);
            n.putNull("appTitle");
            n.put("attributeToApp", false);
            n.put("attributeToUser", true);
            n.put("criticalAlert", false);
            n.put("subjectId", subjectId);
            n.put("subjectType", subjectType);
            return n;
        }
    }

    private void logEvents(Stored before, Stored after) {
        JsonNode p = after.parsed;
        if (p == null) return;
        String gid = after.gid;
        String name = p.path("name").asText("#" + after.record.id());
        List<Event> fresh = new ArrayList<>();
        if (before == null) fresh.add(event("placed", after.createdAt, gid, "Order " + name + " was placed."));
        JsonNode old = before == null ? null : before.parsed;
        if (p.path("cancelledAt").isTextual() && (old == null || !old.path("cancelledAt").isTextual())) {
            Instant at = instantOr(p.get("cancelledAt").asText(), after.record.updatedAt());
            fresh.add(event("cancelled", at, gid, "Order " + name + " was cancelled."));
        }
        Set<String> known = new HashSet<>();
        if (old != null) old.path("refunds").forEach(r -> known.add(r.path("id").asText()));
        for (JsonNode r : p.path("refunds")) {
            if (known.contains(r.path("id").asText())) continue;
            Instant at = instantOr(r.path("createdAt").asText(null), after.record.updatedAt());
            String amount = r.path("totalRefundedSet").path("shopMoney").path("amount").asText("?");
            fresh.add(event("refund_success", at, gid, "We successfully refunded " + amount + " on order " + name + "."));
        }
        fresh.sort(Comparator.comparing(Event::createdAt));
        for (Event e : fresh) events.add(new Event(nextEventId++, e.action, e.createdAt, e.subjectId, e.subjectType, e.message));
    }

    private static Event event(String action, Instant at, String gid, String message) {
        return new Event(0, action, at, gid, "ORDER", message);
    }

    /** Each order's customer, created (and last updated) with the customer's first order. */
    private List<Stored> derivedCustomers() {
        if (customersCache == null) customersCache = deriveCustomers();
        return customersCache;
    }

    private List<Stored> deriveCustomers() {
        Map<String, Stored> out = new TreeMap<>();
        for (Stored o : sortedOrders("CREATED_AT")) {
            JsonNode c = o.parsed == null ? null : o.parsed.get("customer");
            if (c == null || !c.isObject() || !c.path("legacyResourceId").isValueNode()) continue;
            String id = c.get("legacyResourceId").asText();
            if (out.containsKey(id)) continue;
            ObjectNode n = JSON.createObjectNode();
            n.put("id", "gid://shopify/Customer/" + id);
            n.put("legacyResourceId", id);
            n.put("email", c.path("email").asText(null));
            n.put("createdAt", o.createdAt.toString());
            n.put("updatedAt", o.createdAt.toString());
            n.set("defaultAddress", c.path("defaultAddress").isObject() ? c.get("defaultAddress").deepCopy() : JSON.createObjectNode());
            SourceRecord r = new SourceRecord(o.record.source(), "customers", id, o.createdAt, write(n));
            out.put(id, Stored.derived(r, "gid://shopify/Customer/" + id, o.createdAt));
        }
        return new ArrayList<>(out.values());
    }

    /** One product (with one variant) per SKU sold, created with the first order that sold it. */
    private List<Stored> derivedProducts() {
        if (productsCache == null) productsCache = deriveProducts();
        return productsCache;
    }

    private List<Stored> deriveProducts() {
        Map<String, Stored> out = new LinkedHashMap<>();
        for (Stored o : sortedOrders("CREATED_AT")) {
            if (o.parsed == null) continue;
            for (JsonNode li : o.parsed.path("lineItems").path("nodes")) {
                String sku = li.path("sku").asText(null);
                if (sku == null || out.containsKey(sku)) continue;
                String id = Long.toString(7_000_000_000L + Math.floorMod(sku.hashCode(), 1_000_000_000L));
                ObjectNode n = JSON.createObjectNode();
                n.put("id", "gid://shopify/Product/" + id);
                n.put("legacyResourceId", id);
                n.put("title", sku);
                n.put("handle", sku.toLowerCase().replaceAll("[^a-z0-9]+", "-"));
                n.put("status", "ACTIVE");
                n.put("isGiftCard", li.path("isGiftCard").asBoolean(false));
                n.put("createdAt", o.createdAt.toString());
                n.put("updatedAt", o.createdAt.toString());
                ObjectNode variant = n.putObject("variants").putArray("nodes").addObject();
                variant.put("id", "gid://shopify/ProductVariant/" + id);
                variant.put("legacyResourceId", id);
                variant.put("sku", sku);
                SourceRecord r = new SourceRecord(o.record.source(), "products", id, o.createdAt, write(n));
                out.put(sku, Stored.derived(r, "gid://shopify/Product/" + id, o.createdAt));
            }
        }
        return new ArrayList<>(out.values());
    }

    private static Map<String, Stored> byGid(List<Stored> list) {
        Map<String, Stored> m = new HashMap<>();
        for (Stored s : list) m.put(s.gid, s);
        return m;
    }

    private static List<Stored> sorted(java.util.Collection<Stored> all, String sortKey) {
        List<Stored> list = new ArrayList<>(all);
        Comparator<Stored> byId = Comparator.comparingLong(s -> s.numericId);
        list.sort(switch (sortKey) {
            case "UPDATED_AT" -> Comparator.comparing((Stored s) -> s.record.updatedAt()).thenComparing(byId);
            case "CREATED_AT" -> Comparator.comparing((Stored s) -> s.createdAt).thenComparing(byId);
            default -> byId;
        });
        return list;
    }

    /** A keyset position: the sort value and the numeric id, opaque to clients as base64 JSON. */
    private record Key(Instant lastValue, long lastId) implements Comparable<Key> {
        static Key of(Stored s, String sortKey) {
            return switch (sortKey) {
                case "UPDATED_AT" -> new Key(s.record.updatedAt(), s.numericId);
                case "CREATED_AT" -> new Key(s.createdAt, s.numericId);
                default -> new Key(null, s.numericId);
            };
        }

        @Override
        public int compareTo(Key o) {
            if (lastValue != null && o.lastValue != null) {
                int c = lastValue.compareTo(o.lastValue);
                if (c != 0) return c;
            }
            return Long.compare(lastId, o.lastId);
        }

        String encode() {
            ObjectNode n = JSON.createObjectNode();
            n.put("last_id", lastId);
            if (lastValue == null) n.putNull("last_value");
            else n.put("last_value", lastValue.toString());
            return Base64.getUrlEncoder().withoutPadding().encodeToString(write(n).getBytes(StandardCharsets.UTF_8));
        }

        static Key decode(String cursor) {
            try {
                JsonNode n = JSON.readTree(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
                JsonNode v = n.path("last_value");
                return new Key(v.isTextual() ? Instant.parse(v.asText()) : null, n.get("last_id").asLong());
            } catch (Exception e) {
                throw new GraphQlError("Invalid cursor for current pagination sort.", "BAD_REQUEST");
            }
        }
    }

    // ------------------------------------------------------------------ helpers

    private static boolean isShopifyOrder(SourceRecord r) {
        return r.object().equals("orders") && r.payload().contains("gid://shopify/Order/");
    }

    private static long numericId(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            return Integer.toUnsignedLong(id.hashCode());
        }
    }

    private static Instant instantOr(String text, Instant fallback) {
        if (text == null) return fallback;
        try {
            return Instant.parse(text);
        } catch (RuntimeException e) {
            return fallback;
        }
    }

    private static JsonNode tryParse(String text) {
        try {
            JsonNode n = JSON.readTree(text);
            return n != null && n.isObject() ? n : null;
        } catch (Exception e) {
            return null;
        }
    }

    private static String write(JsonNode n) {
        try {
            return JSON.writeValueAsString(n);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
