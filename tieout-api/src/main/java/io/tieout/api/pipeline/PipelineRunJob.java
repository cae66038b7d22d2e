package io.tieout.api.pipeline;

import io.tieout.api.ApiServer;
import io.tieout.api.RunningServer;
import io.tieout.api.auth.TokenStore;
import io.tieout.api.cli.RunJob;
import io.tieout.cards.breakdown.RevenueGapBreakdownCard;
import io.tieout.config.ConfigLoader;
import io.tieout.config.TieoutConfig;
import io.tieout.warehouse.duckdb.DuckDbWarehouse;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;

/** {@code tieout run} and {@code tieout serve} over the configured sources. */
public final class PipelineRunJob implements RunJob {
    static final Duration LOOK_BACK = Duration.ofMinutes(10);

    /** Built per config: connectors need its reporting currency (ECB pairs are into it). */
    private final java.util.function.Function<TieoutConfig, ConnectorFactory> connectorsFor;

    public PipelineRunJob(java.util.function.Function<TieoutConfig, ConnectorFactory> connectorsFor) {
        this.connectorsFor = connectorsFor;
    }

    @Override
    public void run(Path configFile, Instant asOf, PrintWriter out) {
        TieoutConfig config = ConfigLoader.load(configFile);
        try (DuckDbWarehouse wh = DuckDbWarehouse.open(config.warehouse().path())) {
            PipelineRun.Result r = new PipelineRun(wh, config, connectorsFor.apply(config), Clock.systemUTC(), LOOK_BACK).run(asOf, out);
            if (!r.succeeded()) throw new IllegalStateException("run " + r.runId() + " failed: " + String.join("; ", r.failures()));
            out.printf("run %s succeeded: as of %s, period %s..%s, C %s, G %s, gap %s%n", r.runId(), r.asOf(),
                    r.transform().periodFrom(), r.transform().periodTo(), r.transform().totals().commerceRevenue(),
                    r.transform().totals().glRevenue(), r.transform().totals().gap());
        }
    }

    @Override
    public void serve(Path configFile, int port, Duration every, PrintWriter out) throws InterruptedException {
        TieoutConfig config = ConfigLoader.load(configFile);
        try (DuckDbWarehouse wh = DuckDbWarehouse.open(config.warehouse().path());
             RunScheduler scheduler = new RunScheduler(new PipelineRun(wh, config, connectorsFor.apply(config), Clock.systemUTC(), LOOK_BACK))) {
            TokenStore tokens = new TokenStore(wh);
            tokens.bootstrapOwner(System.getenv(TokenStore.BOOTSTRAP_ENV)).ifPresent(t ->
                    out.println("Owner token (shown once; set " + TokenStore.BOOTSTRAP_ENV + " to choose your own): " + t));
            // --every wins over the config's api.runEvery; neither means runs only on POST /api/v1/runs.
            Duration interval = every != null ? every : config.api().runEvery();
            if (interval != null) scheduler.every(interval);
            CountDownLatch stopped = new CountDownLatch(1);
            try (RunningServer server = new ApiServer(wh, new RevenueGapBreakdownCard(wh, config), tokens, scheduler, config)
                    .start(port >= 0 ? port : config.api().port())) {
                Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
                out.printf("Serving the Tieout API on http://localhost:%d%s. Ctrl-C stops.%n", server.port(),
                        interval == null ? "" : ", running every " + interval.toMinutes() + " min");
                out.flush();
                stopped.await();
            }
        }
    }
}
