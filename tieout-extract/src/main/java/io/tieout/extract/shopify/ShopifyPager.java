package io.tieout.extract.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import io.tieout.extract.ExtractException;
import io.tieout.extract.SourceStats;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cursor pagination over one connection (orders, customers, products, the order event log) inside one
 * window [from, to] of its time field: the search filter fixes the window, {@code after:} walks it.
 * Each edge's node is kept as the exact text Shopify sent.
 */
public final class ShopifyPager {
    /** One edge: its opaque cursor and the node's JSON text as sent. */
    public record Edge(String cursor, String node) {}

    public record Page(int number, List<Edge> edges, boolean hasNextPage, String endCursor) {}

    private final ShopifyClient client;
    private final String connection;
    private final String document;
    private final String search;
    private final int pageSize;
    private String after;
    private boolean more = true;
    private int pages;

    ShopifyPager(ShopifyClient client, String connection, String document, String search, int pageSize) {
        this.client = client;
        this.connection = connection;
        this.document = document;
        this.search = search;
        this.pageSize = pageSize;
    }

    /** Orders updated in [from, to], oldest first. */
    public static ShopifyPager orders(ShopifyClient client, int pageSize, Instant from, Instant to) {
        return new ShopifyPager(client, "orders", ShopifyQueries.ORDERS, window("updated_at", from, to), pageSize);
    }

    public static ShopifyPager customers(ShopifyClient client, int pageSize, Instant from, Instant to) {
        return new ShopifyPager(client, "customers", ShopifyQueries.CUSTOMERS, window("updated_at", from, to), pageSize);
    }

    public static ShopifyPager products(ShopifyClient client, int pageSize, Instant from, Instant to) {
        return new ShopifyPager(client, "products", ShopifyQueries.PRODUCTS, window("updated_at", from, to), pageSize);
    }

    /** Events of orders (comments left out) created in [from, to], oldest first. */
    public static ShopifyPager orderEvents(ShopifyClient client, int pageSize, Instant from, Instant to) {
        return new ShopifyPager(client, "events", ShopifyQueries.ORDER_EVENTS,
                "subject_type:ORDER AND comments:false AND " + window("created_at", from, to), pageSize);
    }

    /** Shopify search syntax for an inclusive window, with explicit UTC instants. */
    static String window(String field, Instant from, Instant to) {
        return field + ":>='" + from + "' AND " + field + ":<='" + to + "'";
    }

    public String search() { return search; }

    public String connection() { return connection; }

    public boolean hasNext() { return more; }

    public Page next(SourceStats stats) {
        if (!more) throw new IllegalStateException("no more pages");
        int number = ++pages;
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("first", pageSize);
        vars.put("after", after);
        vars.put("query", search);
        ShopifyClient.Response r = client.query(connection + " page " + number, document, vars, stats);
        JsonNode conn = r.data().path(connection);
        if (!conn.isObject()) {
            throw new ExtractException(client.sourceName() + ": the answer to " + connection + " page " + number + " has no data." + connection);
        }
        List<Edge> edges = new ArrayList<>();
        for (String edgeText : RawJson.values(r.body(), "data", connection, "edges", "*")) {
            List<String> node = RawJson.values(edgeText, "node");
            List<String> cursor = RawJson.values(edgeText, "cursor");
            String c = cursor.isEmpty() ? null : parse(cursor.get(0)).textValue();
            edges.add(new Edge(c, node.isEmpty() ? "null" : node.get(0)));
        }
        JsonNode info = conn.path("pageInfo");
        boolean hasNext = info.path("hasNextPage").asBoolean(false);
        String end = info.path("endCursor").isTextual() ? info.get("endCursor").asText() : null;
        if (hasNext && (end == null || end.equals(after))) {
            throw new ExtractException(client.sourceName() + ": " + connection + " page " + number + " says there is a next page but gives no new endCursor ("
                    + end + "); stopping rather than looping");
        }
        after = end;
        more = hasNext;
        return new Page(number, edges, hasNext, end);
    }

    private static JsonNode parse(String text) {
        try {
            return ShopifyClient.JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
