package io.tieout.api.conformance;

import io.tieout.api.demo.DemoSimulators;
import io.tieout.api.pipeline.ConnectorFactory;
import io.tieout.api.pipeline.PipelineRun;
import io.tieout.api.pipeline.PipelineRunSeams;
import io.tieout.config.ConfigLoader;
import io.tieout.config.TieoutConfig;
import io.tieout.extract.ExtractContext;
import io.tieout.extract.LandingSink;
import io.tieout.extract.RawRecord;
import io.tieout.extract.SourceConnector;
import io.tieout.extract.bigcommerce.BigCommerceConfig;
import io.tieout.extract.bigcommerce.BigCommerceConnector;
import io.tieout.extract.fx.ManualRatesConfig;
import io.tieout.extract.fx.ManualRatesConnector;
import io.tieout.extract.http.HttpTransport;
import io.tieout.extract.http.RetryPolicy;
import io.tieout.extract.intacct.IntacctConfig;
import io.tieout.extract.intacct.IntacctConnector;
import io.tieout.extract.shopify.ShopifyConfig;
import io.tieout.extract.shopify.ShopifyConnector;
import io.tieout.sandbox.scenario.Scenario;
import io.tieout.sandbox.scenario.SyntheticCompany;
import io.tieout.sandbox.sim.Fault;
import io.tieout.transform.FailingTransforms;
import io.tieout.transform.ScenarioWarehouse;
import io.tieout.transform.TransformJob;
import io.tieout.warehouse.duckdb.DuckDbLandingSink;
import io.tieout.warehouse.duckdb.DuckDbWarehouse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole {@code tieout run} (all four demo-shaped sources through their simulators, a small
 * synthetic company) under faults: every injected HTTP fault on every simulator, and a crash at the
 * first, middle and last commit of every source's extract and part-way through the transform, each
 * followed by a clean re-run, leaves exactly the warehouse one clean run leaves: raw.records,
 * ops.cursors, ops.quarantine and every staging/intermediate/marts table (run ids and our own
 * timestamps aside).
 */
class PipelineFaultTest {
    static final Duration LOOK_BACK = Duration.ofMinutes(10);
    static final Map<String, String> SECRETS = Map.of("SHOPIFY_TOKEN", "shpat_demo", "BIGCOMMERCE_TOKEN", "bc_demo",
            "INTACCT_SENDER_ID", "demo_sender", "INTACCT_SENDER_PASSWORD", "demo_sender_password",
            "INTACCT_USER_ID", "demo_user", "INTACCT_USER_PASSWORD", "demo_user_password", "INTACCT_COMPANY_ID", "vortex-demo");
    static final List<String> SOURCES = List.of("shopify-d2c", "bigcommerce-b2b", "intacct", "fx");

    @TempDir static Path shared;
    static Scenario company;
    static DemoSimulators simulators;
    static TieoutConfig config;
    static Map<String, String> cleanRun;
    /** source -> how many land calls one clean run makes. */
    static final Map<String, Integer> commitsPerSource = new TreeMap<>();
    static final AtomicInteger warehouses = new AtomicInteger();

    @BeforeAll
    static void oneCleanRun() {
        company = SyntheticCompany.generate(42, 150, SyntheticCompany.Options.all());
        simulators = DemoSimulators.start(company, config(shared));
        config = simulators.config();
        Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
        try (DuckDbWarehouse wh = freshWarehouse()) {
            PipelineRun.Result r = pipeline(wh, decorated(connectors(), wh, "clean", (source, sink) -> counting(sink,
                    counts.computeIfAbsent(source, k -> new AtomicInteger()))), TransformJob::new).run("clean", company.asOf(), quiet());
            assertThat(r.succeeded()).as("clean run: %s", r.failures()).isTrue();
            assertThat(r.transform().totals().commerceRevenue()).isEqualByComparingTo(company.truth().commerceRevenue());
            assertThat(r.transform().totals().glRevenue()).isEqualByComparingTo(company.truth().glRevenue());
            cleanRun = comparable(wh);
        }
        counts.forEach((k, v) -> commitsPerSource.put(k, v.get()));
        assertThat(commitsPerSource.keySet()).containsExactlyInAnyOrderElementsOf(SOURCES);
    }

    @AfterAll
    static void stop() {
        if (simulators != null) simulators.close();
    }

    // ---------------------------------------------------------------- HTTP faults

    static Stream<String> simulatedSources() {
        return Stream.of("shopify-d2c", "bigcommerce-b2b", "intacct");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("simulatedSources")
    void everyHttpFaultOnASimulatorIsRetriedAndChangesNothing(String source) {
        try (DuckDbWarehouse wh = freshWarehouse()) {
            simulators.faults(source).thenFail(new Fault.TooManyRequests(0), new Fault.ServerError(503), new Fault.TruncatedBody(),
                    new Fault.Slow(Duration.ofMillis(20)));
            PipelineRun.Result faulted = pipeline(wh, connectors(), TransformJob::new).run("faulted", company.asOf(), quiet());
            assertThat(faulted.succeeded()).as("%s", faulted.failures()).isTrue();
            assertThat(Long.parseLong(Warehouses.one(wh, "SELECT retries + throttled FROM ops.source_runs WHERE run_id = 'faulted' "
                    + "AND source = '" + source + "'")))
                    .as("the 429, the 503 and the truncated body each cost a retry").isGreaterThanOrEqualTo(3);
            PipelineRun.Result again = pipeline(wh, connectors(), TransformJob::new).run("rerun", company.asOf(), quiet());
            assertThat(again.succeeded()).isTrue();
            assertThat(comparable(wh)).isEqualTo(cleanRun);
        }
    }

    // ---------------------------------------------------------------- alerts

    @Test
    void aRunWhoseGapIsAboveTheThresholdFiresOnceAndDeliversToTheConfiguredWebhook() throws Exception {
        java.util.concurrent.BlockingQueue<String> received = new java.util.concurrent.LinkedBlockingQueue<>();
        com.sun.net.httpserver.HttpServer hook = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        hook.createContext("/hook", ex -> {
            received.add(new String(ex.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        hook.start();
        try (DuckDbWarehouse wh = freshWarehouse()) {
            TieoutConfig.Alerts strict = new TieoutConfig.Alerts(new java.math.BigDecimal("0.00"), Map.of(),
                    "http://127.0.0.1:" + hook.getAddress().getPort() + "/hook", TieoutConfig.WebhookFormat.JSON);
            TieoutConfig withHook = new TieoutConfig(config.company(), config.reporting(), strict, config.revenueAccounts(),
                    config.mapping(), config.warehouse(), config.sources(), config.api());
            PipelineRun run = new PipelineRun(wh, withHook, connectors(), Clock.fixed(company.asOf(), ZoneOffset.UTC), LOOK_BACK);
            assertThat(run.run("alerting", company.asOf(), quiet()).succeeded()).isTrue();
            String body = received.poll(20, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(body).as("a delivery reached the webhook").isNotNull().contains("gap_threshold");
            assertThat(Warehouses.one(wh, "SELECT count(*) FROM ops.alerts WHERE rule = 'gap_threshold' AND scope = 'company'"))
                    .isEqualTo("1");
            assertThat(run.run("again", company.asOf(), quiet()).succeeded()).isTrue();
            assertThat(Warehouses.one(wh, "SELECT count(*) FROM ops.alerts WHERE rule = 'gap_threshold' AND scope = 'company'"))
                    .as("still firing: no second alert").isEqualTo("1");
        } finally {
            hook.stop(0);
        }
    }

    // ---------------------------------------------------------------- crashes

    record CrashPoint(String source, int commit) {
        @Override public String toString() { return source + " commit " + commit; }
    }

    static Stream<CrashPoint> crashPoints() {
        List<CrashPoint> out = new ArrayList<>();
        commitsPerSource.forEach((source, n) -> new TreeSet<>(List.of(1, (n + 1) / 2, n))
                .forEach(k -> out.add(new CrashPoint(source, k))));
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("crashPoints")
    void crashDuringExtractThenCleanRerunGivesTheCleanWarehouse(CrashPoint point) {
        try (DuckDbWarehouse wh = freshWarehouse()) {
            AtomicInteger calls = new AtomicInteger();
            ConnectorFactory crashing = decorated(connectors(), wh, "crashed", (source, sink) -> !source.equals(point.source()) ? sink
                    : crashingOn(sink, calls, point.commit()));
            try {
                PipelineRun.Result r = pipeline(wh, crashing, TransformJob::new).run("crashed", company.asOf(), quiet());
                assertThat(r.succeeded()).as("a crash inside the extract never gives a successful run").isFalse();
            } catch (Crash expected) {
                // the process died here
            }
            assertThat(calls).as("the crash was reached").hasValueGreaterThanOrEqualTo(point.commit());
            PipelineRun.Result again = pipeline(wh, connectors(), TransformJob::new).run("rerun", company.asOf(), quiet());
            assertThat(again.succeeded()).as("%s", again.failures()).isTrue();
            assertThat(comparable(wh)).isEqualTo(cleanRun);
        }
    }

    @Test
    void failedTransformThenCleanRerunGivesTheCleanWarehouse() {
        try (DuckDbWarehouse wh = freshWarehouse()) {
            PipelineRun.Result failed = pipeline(wh, connectors(),
                    (w, c) -> FailingTransforms.failingAfter(w, c, "int_commerce__orders")).run("crashed", company.asOf(), quiet());
            assertThat(failed.succeeded()).isFalse();
            assertThat(failed.failures()).singleElement().asString().contains("injected fault after int_commerce__orders");
            assertThat(Warehouses.one(wh, "SELECT status FROM ops.runs WHERE status = 'failed' LIMIT 1")).isEqualTo("failed");
            PipelineRun.Result again = pipeline(wh, connectors(), TransformJob::new).run("rerun", company.asOf(), quiet());
            assertThat(again.succeeded()).isTrue();
            assertThat(comparable(wh)).isEqualTo(cleanRun);
        }
    }

    // ---------------------------------------------------------------- machinery

    static final class Crash extends RuntimeException {
        Crash(String m) { super(m); }
    }

    static TieoutConfig config(Path dir) {
        String yaml = ScenarioWarehouse.VORTEX_YAML.formatted("transaction_date")
                .replace("""
                              - name: synclog
                                type: synclog
                            """, "")
                .replace("""
                                baseUrl: http://127.0.0.1:1
                                storeHash: vortexb2b
                            """, """
                                baseUrl: http://127.0.0.1:1
                                storeHash: vortexb2b
                                credentials:
                                  authToken: ${BIGCOMMERCE_TOKEN}
                            """)
                .replace("""
                                channel: D2C
                                baseUrl: http://127.0.0.1:1
                            """, """
                                channel: D2C
                                baseUrl: http://127.0.0.1:1
                                credentials:
                                  accessToken: ${SHOPIFY_TOKEN}
                            """)
                .replace("""
                                type: intacct
                                baseUrl: http://127.0.0.1:1
                            """, """
                                type: intacct
                                baseUrl: http://127.0.0.1:1
                                credentials:
                                  senderId: ${INTACCT_SENDER_ID}
                                  senderPassword: ${INTACCT_SENDER_PASSWORD}
                                  userId: ${INTACCT_USER_ID}
                                  userPassword: ${INTACCT_USER_PASSWORD}
                                  companyId: ${INTACCT_COMPANY_ID}
                            """);
        return ConfigLoader.parse(yaml, SECRETS::get, dir);
    }

    static DuckDbWarehouse freshWarehouse() {
        return DuckDbWarehouse.open(shared.resolve("wh-" + warehouses.incrementAndGet() + ".duckdb"));
    }

    static PipelineRun pipeline(DuckDbWarehouse wh, ConnectorFactory connectors,
                                BiFunction<DuckDbWarehouse, TieoutConfig, TransformJob> transforms) {
        return PipelineRunSeams.withTransforms(wh, config, connectors, Clock.fixed(company.asOf(), ZoneOffset.UTC), LOOK_BACK, transforms);
    }

    static PrintWriter quiet() {
        return new PrintWriter(new StringWriter());
    }

    /** The production connectors, with a transport that retries without really waiting. */
    static ConnectorFactory connectors() {
        return s -> {
            HttpTransport t = new HttpTransport(s.name(), Duration.ofSeconds(10), RetryPolicy.standard(), d -> {});
            Map<String, String> c = s.credentials();
            return switch (s.type()) {
                case SHOPIFY -> new ShopifyConnector(new ShopifyConfig(s.name(), s.baseUrl(), c.get("accessToken"),
                        ShopifyConfig.DEFAULT_API_VERSION, ShopifyConfig.DEFAULT_PAGE_SIZE, null), t);
                case BIGCOMMERCE -> new BigCommerceConnector(new BigCommerceConfig(s.name(), s.baseUrl(), s.storeHash(),
                        c.get("authToken")), t, d -> {});
                case INTACCT -> new IntacctConnector(IntacctConfig.of(s.name(), s.baseUrl(), c.get("senderId"), c.get("senderPassword"),
                        c.get("userId"), c.get("userPassword"), c.get("companyId")).withEntity(s.entity()), t, d -> {});
                case FX -> new ManualRatesConnector(new ManualRatesConfig(s.name(), s.ratesFile()));
                case SYNCLOG -> throw new IllegalArgumentException("no synclog connector");
            };
        };
    }

    /** Each connector of {@code inner}, landing through {@code wrap(source, realSink)}. */
    static ConnectorFactory decorated(ConnectorFactory inner, DuckDbWarehouse wh, String runId,
                                      BiFunction<String, LandingSink, LandingSink> wrap) {
        return s -> {
            SourceConnector connector = inner.create(s);
            return new SourceConnector() {
                @Override public String source() { return connector.source(); }

                @Override public void extract(ExtractContext ctx) {
                    // The run's own context, but every commit goes through the wrapped sink.
                    DuckDbLandingSink real = new DuckDbLandingSink(wh);
                    connector.extract(new ExtractContext(runId, wrap.apply(s.name(), real), real, ctx.upperBound(), LOOK_BACK,
                            line -> {}));
                }
            };
        };
    }

    static LandingSink counting(LandingSink sink, AtomicInteger count) {
        return new LandingSink() {
            @Override public LandingResult land(String runId, List<RawRecord> batch, CursorAdvance advance) {
                count.incrementAndGet();
                return sink.land(runId, batch, advance);
            }

            @Override public void quarantine(String runId, Rejected rejected) { sink.quarantine(runId, rejected); }
        };
    }

    static LandingSink crashingOn(LandingSink sink, AtomicInteger calls, int n) {
        return new LandingSink() {
            @Override public LandingResult land(String runId, List<RawRecord> batch, CursorAdvance advance) {
                if (calls.incrementAndGet() == n) throw new Crash("injected crash at land call " + n);
                return sink.land(runId, batch, advance);
            }

            @Override public void quarantine(String runId, Rejected rejected) { sink.quarantine(runId, rejected); }
        };
    }

    static Map<String, String> comparable(DuckDbWarehouse wh) {
        Map<String, String> out = new TreeMap<>(Warehouses.digest(wh, List.of("staging", "intermediate", "marts")));
        out.put("raw.records", Warehouses.one(wh, "SELECT count(*) || ' rows | ' || CAST(coalesce(sum(hash(source, object, id, "
                + "updated_at, payload)), 0) AS VARCHAR) FROM raw.records"));
        out.put("ops.cursors", String.join("\n", Warehouses.rows(wh, "SELECT source, stream, cursor FROM ops.cursors ORDER BY 1, 2")));
        out.put("ops.quarantine", Warehouses.one(wh, "SELECT count(*) || ' rows | ' || CAST(coalesce(sum(hash(source, object, id, model, "
                + "reason, payload)), 0) AS VARCHAR) FROM ops.quarantine"));
        return out;
    }
}
