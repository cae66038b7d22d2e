package io.tieout.api.demo;

import io.tieout.api.ApiServer;
import io.tieout.api.RunningServer;
import io.tieout.api.auth.TokenStore;
import io.tieout.api.cli.DemoJob;
import io.tieout.api.cli.DemoOptions;
import io.tieout.api.output.BreakdownTableRenderer;
import io.tieout.cards.CardScope;
import io.tieout.cards.breakdown.RevenueGapBreakdownCard;
import io.tieout.config.TieoutConfig;
import io.tieout.extract.LandingSink;
import io.tieout.sandbox.scenario.DemoCompany;
import io.tieout.sandbox.scenario.Scenario;
import io.tieout.transform.TransformJob;
import io.tieout.warehouse.duckdb.DuckDbLandingSink;
import io.tieout.warehouse.duckdb.DuckDbWarehouse;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code tieout demo}: the demo company's records through the real pipeline (landing, every model,
 * the identity check) into a warehouse, its breakdown printed, then the API served on it.
 */
public final class DemoPipelineJob implements DemoJob {
    private final DemoConfig demoConfig;

    public DemoPipelineJob(DemoConfig demoConfig) {
        this.demoConfig = demoConfig;
    }

    @Override
    public void run(DemoOptions options, PrintWriter out) throws Exception {
        Path warehouseFile = options.warehouseDir().resolve("tieout.duckdb");
        TieoutConfig config = demoConfig.load(warehouseFile);
        Scenario demo = DemoCompany.build();
        DuckDbWarehouse wh = DuckDbWarehouse.open(warehouseFile);
        try {
            LandingSink.LandingResult landed = ScenarioLanding.land(new DuckDbLandingSink(wh), "demo-landing", demo);
            out.printf("Landed %d demo records (%d new, %d updated, %d unchanged, %d quarantined) into %s%n",
                    landed.total(), landed.inserted(), landed.updated(), landed.unchanged(), landed.quarantined(), warehouseFile);
            TransformJob.Result run = new TransformJob(wh, config).run(demo.asOf());
            out.printf("Transform %s: %d models, as of %s, period %s..%s, identity holds, %d quarantined%n",
                    run.runId(), run.models().size(), run.asOf(), run.periodFrom(), run.periodTo(), run.quarantined());
            RevenueGapBreakdownCard card = new RevenueGapBreakdownCard(wh, config);
            out.println(new BreakdownTableRenderer().render(card.breakdown(card.defaultPeriod(), CardScope.ALL)));
            out.flush();
            if (!options.serve()) return;
            serve(wh, card, options.port(), out);
        } finally {
            wh.close();
        }
    }

    private static void serve(DuckDbWarehouse wh, RevenueGapBreakdownCard card, int port, PrintWriter out) throws InterruptedException {
        TokenStore tokens = new TokenStore(wh);
        tokens.bootstrapOwner(System.getenv(TokenStore.BOOTSTRAP_ENV)).ifPresent(t ->
                out.println("Owner token (shown once; set " + TokenStore.BOOTSTRAP_ENV + " to choose your own): " + t));
        CountDownLatch stopped = new CountDownLatch(1);
        try (RunningServer server = new ApiServer(wh, card, tokens).start(port)) {
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
            out.printf("Serving the Tieout API on http://localhost:%d (try /api/v1/cards/revenue-gap-breakdown). Ctrl-C stops.%n", server.port());
            out.flush();
            stopped.await();
        }
    }
}
