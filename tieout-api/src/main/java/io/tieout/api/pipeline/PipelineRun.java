package io.tieout.api.pipeline;

import io.tieout.cards.alerts.AlertNotifier;
import io.tieout.cards.alerts.AlertRules;
import io.tieout.cards.alerts.AlertStore;
import io.tieout.cards.alerts.WebhookNotifier;
import io.tieout.cards.spike.SpikeRule;
import io.tieout.config.TieoutConfig;
import io.tieout.extract.ExtractContext;
import io.tieout.extract.ExtractException;
import io.tieout.extract.SourceConnector;
import io.tieout.transform.TransformJob;
import io.tieout.warehouse.duckdb.DuckDbLandingSink;
import io.tieout.warehouse.duckdb.DuckDbWarehouse;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * {@code tieout run}: every configured source extracted incrementally up to one fixed instant (the
 * as-of), then the transform and its checks at that instant. A source that fails is logged with
 * its reason and fails the run; the transform then does not run, so no card shows a partial picture.
 */
public final class PipelineRun {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PipelineRun.class);

    private final DuckDbWarehouse warehouse;
    private final TieoutConfig config;
    private final ConnectorFactory connectors;
    private final Clock clock;
    private final Duration lookBack;
    private final java.util.function.BiFunction<DuckDbWarehouse, TieoutConfig, TransformJob> transforms;

    public PipelineRun(DuckDbWarehouse warehouse, TieoutConfig config, ConnectorFactory connectors, Clock clock, Duration lookBack) {
        this(warehouse, config, connectors, clock, lookBack, TransformJob::new);
    }

    /** Test seam: the transform job of each run (a test injects one that fails part-way). */
    PipelineRun(DuckDbWarehouse warehouse, TieoutConfig config, ConnectorFactory connectors, Clock clock, Duration lookBack,
                java.util.function.BiFunction<DuckDbWarehouse, TieoutConfig, TransformJob> transforms) {
        this.transforms = transforms;
        this.warehouse = warehouse;
        this.config = config;
        this.connectors = connectors;
        this.clock = clock;
        this.lookBack = lookBack;
    }

    public record Result(String runId, Instant asOf, boolean succeeded, List<String> failures, TransformJob.Result transform) {}

    public static String newRunId() {
        return "run-" + UUID.randomUUID();
    }

    public Result run(Instant asOfOrNull, PrintWriter progress) {
        return run(newRunId(), asOfOrNull, progress);
    }

    public Result run(String runId, Instant asOfOrNull, PrintWriter progress) {
        Instant asOf = asOfOrNull != null ? asOfOrNull : clock.instant();
        RunLog log = new RunLog(warehouse);
        log.started(runId, asOf);
        DuckDbLandingSink sink = new DuckDbLandingSink(warehouse);
        List<String> failures = new ArrayList<>();
        for (TieoutConfig.Source source : config.sources()) {
            Instant started = clock.instant();
            ExtractContext ctx = new ExtractContext(runId, sink, sink, asOf, lookBack,
                    line -> { progress.println("  " + source.name() + ": " + line); progress.flush(); });
            try {
                SourceConnector connector = connectors.create(source);
                connector.extract(ctx);
                log.source(runId, source.name(), started, ctx.stats(), "succeeded", null);
                progress.printf("%s: %d records in %d pages (%d quarantined, %d retries, %d throttled)%n", source.name(),
                        ctx.stats().records(), ctx.stats().pages(), ctx.stats().quarantinedCount(), ctx.stats().retries(),
                        ctx.stats().throttledCount());
            } catch (ExtractException | IllegalStateException | IllegalArgumentException e) {
                failures.add(source.name() + ": " + e.getMessage());
                log.source(runId, source.name(), started, ctx.stats(), "failed", e.getMessage());
                progress.println(source.name() + ": FAILED: " + e.getMessage());
            }
            progress.flush();
        }
        if (!failures.isEmpty()) {
            log.finished(runId, "failed", "extract failed: " + String.join("; ", failures));
            return new Result(runId, asOf, false, failures, null);
        }
        try {
            TransformJob.Result t = transforms.apply(warehouse, config).run(asOf);
            log.finished(runId, "succeeded", "transform " + t.runId());
            evaluateAlerts(runId, progress);
            return new Result(runId, asOf, true, List.of(), t);
        } catch (RuntimeException e) {
            log.finished(runId, "failed", "transform failed: " + e.getMessage());
            return new Result(runId, asOf, false, List.of("transform: " + e.getMessage()), null);
        }
    }

    /**
     * The alert rules after a successful run: transitions are recorded (ops.alerts, ops.alert_events)
     * and, when tieout.yaml names alerts.webhookUrl, delivered there in the background with retries,
     * every attempt recorded. A failing evaluation or delivery is logged and never fails the run.
     */
    private void evaluateAlerts(String runId, PrintWriter progress) {
        try {
            AlertStore store = new AlertStore(warehouse, clock);
            TieoutConfig.Alerts a = config.alerts();
            AlertNotifier notifier = a.webhookUrl() == null ? AlertNotifier.NONE
                    : WebhookNotifier.of(a.webhookUrl(), a.webhookFormat() == TieoutConfig.WebhookFormat.SLACK
                            ? WebhookNotifier.Format.SLACK : WebhookNotifier.Format.JSON, store);
            List<AlertStore.Transition> changes = new AlertRules(warehouse, config, store, notifier, SpikeRule.DEFAULT).evaluate();
            for (AlertStore.Transition t : changes) {
                progress.printf("alert %s: %s %s (%s)%n", t.change().name().toLowerCase(java.util.Locale.ROOT), t.alert().rule(),
                        t.alert().scope(), t.alert().message());
            }
            progress.flush();
        } catch (RuntimeException e) {
            LOG.warn("run {}: evaluating the alert rules failed; the run stands", runId, e);
        }
    }
}
