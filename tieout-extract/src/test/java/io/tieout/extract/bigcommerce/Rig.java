package io.tieout.extract.bigcommerce;

import io.tieout.extract.ExtractContext;
import io.tieout.extract.RawRecord;
import io.tieout.extract.SourceStats;
import io.tieout.extract.http.HttpTransport;
import io.tieout.extract.http.RetryPolicy;
import io.tieout.extract.http.Sleeper;
import io.tieout.sandbox.bigcommerce.BigCommerceQuota;
import io.tieout.sandbox.bigcommerce.BigCommerceSimulator;
import io.tieout.sandbox.payload.BigCommercePayloads;
import io.tieout.sandbox.scenario.SourceRecord;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A simulated store on port 0, a connector pointed at it, and a sleeper that records every wait and
 * moves the store's clock instead of sleeping.
 */
final class Rig implements AutoCloseable {
    static final String HASH = "vx7b2b";
    static final String TOKEN = "bc_test_token";

    final TestClock clock;
    final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    final Sleeper sleeper;
    final BigCommerceSimulator sim;
    BigCommerceConfig config;
    int runs;

    Rig(List<SourceRecord> records) {
        this(records, BigCommerceQuota.generous(), new TestClock(Instant.parse("2026-06-01T00:00:00Z")));
    }

    /** {@code clock} is the one {@code quota} reads: every wait of the connector moves it. */
    Rig(List<SourceRecord> records, BigCommerceQuota quota, TestClock clock) {
        this.clock = clock;
        this.sleeper = d -> {
            sleeps.add(d);
            clock.advance(d);
        };
        sim = BigCommerceSimulator.start(0, records, HASH, TOKEN, quota);
        config = new BigCommerceConfig(Store.SOURCE, sim.baseUrl(), HASH, TOKEN, 0, Duration.ofMinutes(30));
    }

    Rig config(BigCommerceConfig c) {
        this.config = c;
        return this;
    }

    BigCommerceConnector connector() {
        HttpTransport transport = new HttpTransport(config.sourceName(), Duration.ofSeconds(20),
                new RetryPolicy(6, Duration.ofMillis(100), Duration.ofSeconds(30), new Random(7)), sleeper);
        return new BigCommerceConnector(config, transport, sleeper);
    }

    /** What one run did. */
    record Run(BigCommerceConnector connector, SourceStats stats, List<String> progress) {}

    Run run(InMemorySink sink, Instant upperBound) {
        return run(connector(), sink, upperBound);
    }

    Run run(BigCommerceConnector connector, InMemorySink sink, Instant upperBound) {
        List<String> progress = new ArrayList<>();
        ExtractContext ctx = new ExtractContext("run-" + (++runs), sink, sink, upperBound, Duration.ofMinutes(5), progress::add);
        connector.extract(ctx);
        return new Run(connector, ctx.stats(), progress);
    }

    /**
     * What the warehouse should hold for the store as it stands: every record, with product lines
     * dated by their order's date_modified.
     */
    Map<InMemorySink.Key, RawRecord> expected() {
        return expected(sim.records());
    }

    static Map<InMemorySink.Key, RawRecord> expected(List<SourceRecord> records) {
        Map<String, Instant> orderModified = new HashMap<>();
        for (SourceRecord r : records) {
            if (r.object().equals("orders")) orderModified.put(r.id(), BigCommerceMapper.rfc2822(field(r.payload(), "date_modified")));
        }
        Map<InMemorySink.Key, RawRecord> out = new HashMap<>();
        for (SourceRecord r : records) {
            Instant at = switch (r.object()) {
                case "orders" -> orderModified.get(r.id());
                case "order_products" -> orderModified.get(field(r.payload(), "order_id"));
                default -> BigCommerceMapper.rfc3339(field(r.payload(), "created"));
            };
            out.put(new InMemorySink.Key(r.source(), r.object(), r.id()), new RawRecord(r.source(), r.object(), r.id(), at, r.payload()));
        }
        return out;
    }

    static String field(String payload, String name) {
        try {
            return BigCommerceClient.JSON.readTree(payload).get(name).asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String rfc2822(Instant t) {
        return BigCommercePayloads.rfc2822(t);
    }

    @Override
    public void close() {
        sim.close();
    }
}
