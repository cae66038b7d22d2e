package io.tieout.extract.shopify;

import io.tieout.extract.ExtractContext;
import io.tieout.extract.http.HttpTransport;
import io.tieout.extract.http.RetryPolicy;
import io.tieout.extract.http.Sleeper;
import io.tieout.extract.testing.InMemoryWarehouse;
import io.tieout.sandbox.payload.ShopifyPayloads;
import io.tieout.sandbox.scenario.CommerceOrder;
import io.tieout.sandbox.scenario.SourceRecord;
import io.tieout.sandbox.shopify.ShopifySimulator;
import io.tieout.sandbox.shopify.ShopifyThrottle;
import io.tieout.sandbox.sim.MutableClock;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Orders, a simulator, a connector with a fake sleeper, and runs against an in-memory warehouse. */
final class ShopifyTestKit implements AutoCloseable {
    static final String SOURCE = "shopify-d2c";
    static final String TOKEN = "shpat_test_token";
    static final Instant T0 = Instant.parse("2026-04-01T00:00:00Z");
    static final Duration LOOK_BACK = Duration.ofMinutes(10);

    /** The orders as generated, by id, so a test can render an edited version. */
    final Map<String, CommerceOrder> orders = new LinkedHashMap<>();
    final MutableClock clock = new MutableClock(Instant.parse("2026-05-01T00:00:00Z"));
    /** Every wait the connector asked for, in order; each advances the simulator's clock. */
    final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());
    final Sleeper sleeper = d -> {
        sleeps.add(d);
        clock.advance(d);
    };
    final List<String> progress = Collections.synchronizedList(new ArrayList<>());
    ShopifySimulator sim;

    /** n orders an hour apart from T0; every 5th shares its updatedAt with the next; every 4th has two lines; every 6th a refund. */
    static List<CommerceOrder> generate(int n) {
        List<CommerceOrder> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String id = Long.toString(5_000_000L + i * 7L);
            Instant created = T0.plus(Duration.ofHours(i));
            // Every 5th order was touched an hour later, at the same instant as the next order's update: a tie.
            Instant updated = (i % 5 == 0 ? created.plus(Duration.ofHours(1)) : created).plusSeconds(90);
            CommerceOrder.Customer c = i % 10 == 0 ? new CommerceOrder.Customer(null, "guest" + i + "@example.com", null)
                    : new CommerceOrder.Customer(Long.toString(900_000L + i % 13), "c" + (i % 13) + "@example.com", "Acme " + (i % 13));
            List<CommerceOrder.Line> lines = new ArrayList<>();
            lines.add(new CommerceOrder.Line(id + "01", "VX-D2C-" + (i % 9), 1, new BigDecimal(100 + i + ".00"), BigDecimal.ZERO, false));
            if (i % 4 == 0) lines.add(new CommerceOrder.Line(id + "02", "VX-D2C-X" + (i % 3), 2, new BigDecimal("40.00"), new BigDecimal("5.00"), false));
            List<CommerceOrder.Refund> refunds = new ArrayList<>();
            if (i % 6 == 3) {
                Instant at = created.plus(Duration.ofMinutes(30));
                refunds.add(new CommerceOrder.Refund(Long.toString(8_000_000L + i), at, new BigDecimal("20.00")));
                updated = at;
            }
            out.add(new CommerceOrder(SOURCE, CommerceOrder.Platform.SHOPIFY, id, "VD" + id, created, updated, null, i == 7, false,
                    new BigDecimal("0.0800"), "USD", "USD", BigDecimal.ONE, c, "US", lines, new BigDecimal(i % 2 == 0 ? "9.95" : "0"),
                    refunds));
        }
        return out;
    }

    static SourceRecord record(CommerceOrder o) {
        return new SourceRecord(o.source(), "orders", o.id(), o.updatedAt(), ShopifyPayloads.order(o));
    }

    ShopifyTestKit start(List<CommerceOrder> list, ShopifyThrottle throttle) {
        List<SourceRecord> records = new ArrayList<>();
        for (CommerceOrder o : list) {
            orders.put(o.id(), o);
            records.add(record(o));
        }
        return startRecords(records, throttle);
    }

    ShopifyTestKit startRecords(List<SourceRecord> records, ShopifyThrottle throttle) {
        sim = ShopifySimulator.start(0, records, TOKEN, throttle);
        return this;
    }

    /** A bucket too large to throttle these tests, on the test's clock. */
    ShopifyThrottle roomyBucket() {
        return ShopifyThrottle.of(1_000_000, 100_000, clock);
    }

    /** Stores an edited order (and remembers it). */
    void put(CommerceOrder o) {
        orders.put(o.id(), o);
        sim.put(record(o));
    }

    CommerceOrder withUpdatedAt(CommerceOrder o, Instant updatedAt, String newNumber) {
        return new CommerceOrder(o.source(), o.platform(), o.id(), newNumber, o.createdAt(), updatedAt, o.cancelledAt(), o.test(),
                o.taxInclusive(), o.taxRate(), o.currency(), o.presentmentCurrency(), o.presentmentRate(), o.customer(), o.country(),
                o.lines(), o.shipping(), o.refunds());
    }

    ShopifyConfig config(int pageSize) {
        return new ShopifyConfig(SOURCE, sim.baseUrl(), TOKEN, null, pageSize, null);
    }

    HttpTransport transport() {
        return new HttpTransport(SOURCE, Duration.ofSeconds(10), new RetryPolicy(6, Duration.ofMillis(250), Duration.ofSeconds(30), new Random(7)), sleeper);
    }

    ShopifyConnector connector(ShopifyConfig config) {
        return new ShopifyConnector(config, transport());
    }

    ShopifyConnector connector(int pageSize) {
        return connector(config(pageSize));
    }

    /** One run: returns its context (stats). */
    ExtractContext run(ShopifyConnector connector, InMemoryWarehouse wh, String runId, Instant upperBound) {
        ExtractContext ctx = wh.context(runId, upperBound, LOOK_BACK, progress::add);
        connector.extract(ctx);
        return ctx;
    }

    /** An upper bound after every generated order. */
    Instant upperAfterAll() {
        return orders.values().stream().map(CommerceOrder::updatedAt).max(Instant::compareTo).orElse(T0).plus(Duration.ofDays(1));
    }

    @Override
    public void close() {
        if (sim != null) sim.close();
    }
}
