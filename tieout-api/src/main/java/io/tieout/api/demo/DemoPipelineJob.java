package io.tieout.api.demo;

import io.tieout.api.ApiServer;
import io.tieout.api.RunningServer;
import io.tieout.api.auth.TokenStore;
import io.tieout.api.cli.DemoJob;
import io.tieout.api.cli.DemoOptions;
import io.tieout.api.output.BreakdownTableRenderer;
import io.tieout.api.pipeline.PipelineRun;
import io.tieout.api.pipeline.RunScheduler;
import io.tieout.api.pipeline.SourceConnectors;
import io.tieout.cards.CardScope;
import io.tieout.cards.breakdown.RevenueGapBreakdownCard;
import io.tieout.config.TieoutConfig;
import io.tieout.sandbox.scenario.DemoCompany;
import io.tieout.sandbox.scenario.Scenario;
import io.tieout.warehouse.duckdb.DuckDbWarehouse;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * {@code tieout demo}: the demo company's systems simulated on loopback, the real connectors
 * extracting from them, landing, every model and the identity check into a warehouse, the breakdown
 * printed, then the API served on it (with the simulators still up, so POST /api/v1/runs works).
 */
public final class DemoPipelineJob implements DemoJob {
    private final DemoConfig demoConfig;

    public DemoPipelineJob(DemoConfig demoConfig) {
        this.demoConfig = demoConfig;
    }

    @Override
    public void run(DemoOptions options, PrintWriter out) throws Exception {
        Path warehouseFile = options.warehouseDir().resolve("tieout.duckdb");
        Scenario demo = DemoCompany.build();
        try (DemoSimulators sources = DemoSimulators.start(demo, demoConfig.load(warehouseFile));
             DuckDbWarehouse wh = DuckDbWarehouse.open(warehouseFile)) {
            TieoutConfig config = sources.config();
            out.println("Simulated sources: " + String.join(", ", config.sources().stream()
                    .map(s -> s.name() + (s.baseUrl() != null ? " " + s.baseUrl() : " " + s.ratesFile())).toList()));
            // The demo's clock is its as-of: the simulated world stops there.
            PipelineRun pipeline = new PipelineRun(wh, config, new SourceConnectors(config.reporting().currency()),
                    Clock.fixed(demo.asOf(), java.time.ZoneOffset.UTC), Duration.ofMinutes(10));
            PipelineRun.Result run = pipeline.run(demo.asOf(), out);
            if (!run.succeeded()) throw new IllegalStateException("demo run " + run.runId() + " failed: " + String.join("; ", run.failures()));
            out.printf("Run %s: as of %s, period %s..%s, %d models, identity holds, %d quarantined%n", run.runId(), run.asOf(),
                    run.transform().periodFrom(), run.transform().periodTo(), run.transform().models().size(),
                    run.transform().quarantined());
            RevenueGapBreakdownCard card = new RevenueGapBreakdownCard(wh, config);
            out.println(new BreakdownTableRenderer().render(card.breakdown(card.defaultPeriod(), CardScope.ALL)));
            out.flush();
            if (options.serve()) {
                try (RunScheduler scheduler = new RunScheduler(pipeline)) {
                    serve(wh, card, config, scheduler, options.port(), out);
                }
            }
        }
    }

    private static void serve(DuckDbWarehouse wh, RevenueGapBreakdownCard card, TieoutConfig config, RunScheduler scheduler, int port, PrintWriter out)
            throws InterruptedException {
        TokenStore tokens = new TokenStore(wh);
        tokens.bootstrapOwner(System.getenv(TokenStore.BOOTSTRAP_ENV)).ifPresent(t ->
                out.println("Owner token (shown once; set " + TokenStore.BOOTSTRAP_ENV + " to choose your own): " + t));
        CountDownLatch stopped = new CountDownLatch(1);
        try (RunningServer server = new ApiServer(wh, card, tokens, scheduler, config).start(port)) {
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
            out.printf("Serving the Tieout API on http://localhost:%d (try /api/v1/cards/revenue-gap-breakdown). Ctrl-C stops.%n", server.port());
            out.flush();
            stopped.await();
        }
    }
}
