package io.tieout.extract.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import io.tieout.extract.ExtractContext;
import io.tieout.extract.LandingSink;
import io.tieout.extract.RawRecord;
import io.tieout.extract.SourceConnector;
import io.tieout.extract.http.HttpTransport;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shopify (Admin GraphQL) → raw records, in four streams, each with its own cursor committed with its
 * batch:
 * <ul>
 *   <li>{@code orders}: orders with {@code updated_at} in [cursor − look-back, the run's upper bound],
 *       sorted by UPDATED_AT; cursor = the greatest updatedAt committed.</li>
 *   <li>{@code refunds}: the shop's order event log ({@code events}, {@code subject_type:ORDER}) by
 *       {@code created_at} in the same kind of window; every order with a refund event
 *       ({@code refund_success}, {@code refund_pending}, {@code refund_failure}) is re-read whole with
 *       {@code nodes(ids:)} and landed as an order, so a refund on an old order is caught even when
 *       the order's updatedAt did not move. Cursor = the upper bound once the window is read.</li>
 *   <li>{@code customers}, {@code products}: by {@code updated_at}, like orders.</li>
 * </ul>
 * Refunds stay inside their order's payload (landed as object {@code orders}), because staging reads
 * them there; see {@link ShopifyMapper} for the version that makes such a re-read win over the older
 * copy.
 */
public final class ShopifyConnector implements SourceConnector {
    private static final Pattern ORDER_GID = Pattern.compile("gid://shopify/Order/(\\d+)");

    private final ShopifyConfig config;
    private final ShopifyClient client;

    public ShopifyConnector(ShopifyConfig config) {
        this(config, HttpTransport.standard(config.sourceName()));
    }

    public ShopifyConnector(ShopifyConfig config, HttpTransport transport) {
        this.config = config;
        this.client = new ShopifyClient(config, transport);
    }

    @Override
    public String source() {
        return config.sourceName();
    }

    public ShopifyConfig config() { return config; }

    @Override
    public void extract(ExtractContext context) {
        Instant upper = context.upperBound();
        Instant ordersStart = windowStart(context, "orders");
        boolean ordersFromScratch = context.cursor(source(), "orders").isEmpty();
        if (config.streams().contains("orders")) {
            incremental(context, "orders", ShopifyPager.orders(client, config.pageSize(), ordersStart, upper), ShopifyMapper.orders(source()));
        }
        if (config.streams().contains("refunds")) {
            refunds(context, ordersStart, ordersFromScratch);
        }
        if (config.streams().contains("customers")) {
            incremental(context, "customers", ShopifyPager.customers(client, config.pageSize(), windowStart(context, "customers"), upper),
                    ShopifyMapper.of(source(), "customers"));
        }
        if (config.streams().contains("products")) {
            incremental(context, "products", ShopifyPager.products(client, config.pageSize(), windowStart(context, "products"), upper),
                    ShopifyMapper.of(source(), "products"));
        }
    }

    /** A stream by updatedAt: one commit per page, the cursor moving with the committed records. */
    private void incremental(ExtractContext context, String stream, ShopifyPager pager, ShopifyMapper mapper) {
        Instant upper = context.upperBound();
        Instant cursor = context.cursor(source(), stream).map(Instant::parse).orElse(null);
        long landed = 0;
        while (pager.hasNext()) {
            ShopifyPager.Page page = pager.next(context.stats());
            List<RawRecord> batch = new ArrayList<>(page.edges().size());
            int unmappable = 0;
            for (ShopifyPager.Edge edge : page.edges()) {
                ShopifyMapper.Mapped m = mapper.map(edge.node(), null, edge.cursor());
                batch.add(m.record());
                if (m.problem() != null) unmappable++;
                if (m.updatedAt() != null) cursor = later(cursor, m.updatedAt().isAfter(upper) ? upper : m.updatedAt());
            }
            LandingSink.LandingResult r = context.commit(batch, cursor == null ? null : advance(stream, cursor));
            context.stats().page();
            landed += batch.size();
            context.progress(line(stream, page.number(), batch.size(), landed, r, unmappable, cursor));
        }
    }

    /**
     * The refunds stream. On a first run that also read every order from scratch there is nothing to
     * catch up on (each order was read, with its refunds, after the upper bound was fixed), so the
     * cursor starts at the upper bound without reading the event log.
     */
    private void refunds(ExtractContext context, Instant ordersStart, boolean ordersFromScratch) {
        Instant upper = context.upperBound();
        Optional<String> committed = context.cursor(source(), "refunds");
        if (committed.isEmpty() && ordersFromScratch && config.streams().contains("orders")) {
            context.commit(List.of(), advance("refunds", upper));
            context.progress(source() + " refunds: first run, every order and its refunds were just read; cursor " + upper);
            return;
        }
        Instant start = committed.isPresent() ? windowStart(context, "refunds") : ordersStart;
        ShopifyPager pager = ShopifyPager.orderEvents(client, config.pageSize(), start, upper);
        ShopifyMapper mapper = ShopifyMapper.orders(source());
        Instant cursor = committed.map(Instant::parse).orElse(null);
        long reread = 0;
        while (pager.hasNext()) {
            ShopifyPager.Page page = pager.next(context.stats());
            Set<String> orderGids = new LinkedHashSet<>();
            for (ShopifyPager.Edge edge : page.edges()) {
                JsonNode event = parse(edge.node());
                Instant at = parseInstant(event.path("createdAt").asText(null));
                if (at != null) cursor = later(cursor, at.isAfter(upper) ? upper : at);
                String action = event.path("action").asText("");
                String subject = event.path("subjectId").asText("");
                if (action.startsWith("refund") && ORDER_GID.matcher(subject).matches()) orderGids.add(subject);
            }
            List<RawRecord> batch = new ArrayList<>();
            int unmappable = 0;
            if (!orderGids.isEmpty()) {
                ShopifyClient.Response r = client.query("orders with refund events (events page " + page.number() + ")",
                        ShopifyQueries.ORDERS_BY_ID, Map.of("ids", List.copyOf(orderGids)), context.stats());
                List<String> nodes = RawJson.values(r.body(), "data", "nodes", "*");
                List<String> gids = List.copyOf(orderGids);
                for (int i = 0; i < nodes.size(); i++) {
                    if (nodes.get(i).equals("null")) continue; // deleted since the event
                    Matcher m = ORDER_GID.matcher(i < gids.size() ? gids.get(i) : "");
                    ShopifyMapper.Mapped mapped = mapper.map(nodes.get(i), m.matches() ? m.group(1) : null, null);
                    batch.add(mapped.record());
                    if (mapped.problem() != null) unmappable++;
                }
            }
            LandingSink.LandingResult r = context.commit(batch, cursor == null ? null : advance("refunds", cursor));
            context.stats().page();
            reread += batch.size();
            context.progress(source() + " refunds: events page " + page.number() + ", " + page.edges().size() + " order events, "
                    + orderGids.size() + " order(s) with refund events re-read (" + reread + " so far; inserted " + r.inserted()
                    + ", updated " + r.updated() + ", unchanged " + r.unchanged() + ")"
                    + (unmappable > 0 ? ", " + unmappable + " unmappable node(s) landed for staging to quarantine" : "")
                    + ", cursor " + cursor);
        }
        context.commit(List.of(), advance("refunds", upper));
    }

    private Instant windowStart(ExtractContext context, String stream) {
        if (config.lookBack() == null) return context.windowStart(source(), stream);
        return context.cursor(source(), stream).map(Instant::parse).map(t -> t.minus(config.lookBack())).orElse(Instant.EPOCH);
    }

    private LandingSink.CursorAdvance advance(String stream, Instant cursor) {
        return new LandingSink.CursorAdvance(source(), stream, cursor.toString());
    }

    private String line(String stream, int page, int n, long total, LandingSink.LandingResult r, int unmappable, Instant cursor) {
        return source() + " " + stream + ": page " + page + ", " + n + " records (" + total + " so far; inserted " + r.inserted()
                + ", updated " + r.updated() + ", unchanged " + r.unchanged() + ", quarantined " + r.quarantined() + ")"
                + (unmappable > 0 ? ", " + unmappable + " unmappable node(s) landed for staging to quarantine" : "")
                + ", cursor " + cursor;
    }

    private static Instant later(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }

    private static Instant parseInstant(String s) {
        if (s == null) return null;
        try {
            return java.time.OffsetDateTime.parse(s).toInstant();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static JsonNode parse(String text) {
        try {
            return ShopifyClient.JSON.readTree(text);
        } catch (Exception e) {
            return ShopifyClient.JSON.createObjectNode();
        }
    }
}
