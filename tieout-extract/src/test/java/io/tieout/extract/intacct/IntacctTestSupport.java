package io.tieout.extract.intacct;

import io.tieout.extract.ExtractContext;
import io.tieout.extract.http.HttpTransport;
import io.tieout.extract.http.RetryPolicy;
import io.tieout.extract.http.Sleeper;
import io.tieout.sandbox.intacct.IntacctCredentials;
import io.tieout.sandbox.intacct.IntacctSimulator;
import io.tieout.sandbox.scenario.DemoCompany;
import io.tieout.sandbox.scenario.Scenario;
import io.tieout.sandbox.scenario.SourceRecord;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

/** Shared by the Intacct tests: the demo company's Intacct records, a connector wired to a simulator, no real waiting. */
final class IntacctTestSupport {
    static final String SOURCE = "intacct";
    static final IntacctCredentials CREDENTIALS = IntacctCredentials.demo();
    private static Scenario demo;
    private static List<SourceRecord> small;

    /** The demo's GL lines are dated March to May 2026: five 31-day slices from here cover them. */
    static final java.time.LocalDate GL_FROM = java.time.LocalDate.parse("2026-01-01");

    /** The run's upper bound: the demo's as-of instant. */
    static final Instant UPPER = Instant.parse("2026-05-02T04:00:00Z");

    private IntacctTestSupport() {}

    static synchronized Scenario demo() {
        if (demo == null) demo = DemoCompany.build();
        return demo;
    }

    static List<SourceRecord> demoIntacctRecords() {
        return demo().records().stream().filter(r -> r.source().equals(SOURCE)).toList();
    }

    /**
     * A small company cut from the demo: every n-th record of each object (at least 40 of each, all
     * when fewer), so tests that run the connector many times stay quick while the payloads are the demo's.
     */
    static synchronized List<SourceRecord> smallRecords() {
        if (small == null) {
            Map<String, List<SourceRecord>> byObject = new TreeMap<>();
            for (SourceRecord r : demoIntacctRecords()) byObject.computeIfAbsent(r.object(), k -> new ArrayList<>()).add(r);
            List<SourceRecord> out = new ArrayList<>();
            for (List<SourceRecord> rs : byObject.values()) {
                int step = Math.max(1, rs.size() / Math.max(40, rs.size() / 100));
                for (int i = 0; i < rs.size(); i += step) out.add(rs.get(i));
            }
            small = List.copyOf(out);
        }
        return small;
    }

    static IntacctConfig config(IntacctSimulator sim) {
        return IntacctConfig.of(SOURCE, sim.baseUrl(), CREDENTIALS.senderId(), CREDENTIALS.senderPassword(), CREDENTIALS.userId(),
                CREDENTIALS.userPassword(), CREDENTIALS.companyId()).withGlFrom(GL_FROM);
    }

    /** Records every wait instead of waiting; an optional action runs on each (to move a fake clock). */
    static final class RecordingSleeper implements Sleeper {
        final List<Duration> waits = new CopyOnWriteArrayList<>();
        volatile java.util.function.Consumer<Duration> onSleep = d -> {};

        @Override
        public void sleep(Duration d) {
            waits.add(d);
            onSleep.accept(d);
        }
    }

    static HttpTransport transport(Sleeper sleeper) {
        return new HttpTransport(SOURCE, Duration.ofSeconds(20), new RetryPolicy(6, Duration.ofMillis(1), Duration.ofMillis(4), new Random(7)),
                sleeper);
    }

    static IntacctConnector connector(IntacctConfig config, RecordingSleeper sleeper) {
        return new IntacctConnector(config, transport(sleeper), sleeper);
    }

    /** One extract run; its progress lines go to {@code progress}. */
    static ExtractContext run(IntacctConnector connector, InMemorySink sink, String runId, Instant upper, List<String> progress) {
        ExtractContext ctx = new ExtractContext(runId, sink, sink, upper, Duration.ofHours(1), progress::add);
        connector.extract(ctx);
        return ctx;
    }

    static ExtractContext run(IntacctConnector connector, InMemorySink sink, String runId, Instant upper) {
        return run(connector, sink, runId, upper, new ArrayList<>());
    }
}
