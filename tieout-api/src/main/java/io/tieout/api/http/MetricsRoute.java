package io.tieout.api.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tieout.cards.CardScope;
import io.tieout.cards.breakdown.BreakdownService;
import io.tieout.warehouse.duckdb.DuckDbWarehouse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * GET /metrics (owner only, see docs/decisions.md D25): Prometheus text from Micrometer. Request
 * latency is a histogram per route template, method and status; the warehouse gauges (runs by
 * status, rows per model of the last run, quarantined records, the default period's gap %) are
 * read from the warehouse at each scrape.
 */
public final class MetricsRoute {
    private static final Logger log = LoggerFactory.getLogger(MetricsRoute.class);

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final DuckDbWarehouse warehouse;
    private final BreakdownService cards;
    private final MultiGauge runsByStatus;
    private final MultiGauge rowsPerModel;
    private final AtomicReference<Double> quarantined = new AtomicReference<>(Double.NaN);
    // Kept exact; turned into a Prometheus sample (float64 by definition) only when scraped. The
    // figure a controller ties out is the card's (revenue-gap-breakdown), never the sample.
    private final AtomicReference<java.math.BigDecimal> gapPct = new AtomicReference<>();

    public MetricsRoute(DuckDbWarehouse warehouse, BreakdownService cards) {
        this.warehouse = warehouse;
        this.cards = cards;
        runsByStatus = MultiGauge.builder("tieout.runs").description("Runs in ops.runs by status").register(registry);
        rowsPerModel = MultiGauge.builder("tieout.model.rows").description("Rows each SQL model produced in the last run")
                .register(registry);
        Gauge.builder("tieout.quarantined.records", quarantined, AtomicReference::get)
                .description("Records in ops.quarantine").register(registry);
        Gauge.builder("tieout.gap.percent", gapPct, ref -> ref.get() == null ? Double.NaN : ref.get().doubleValue())
                .description("Gap % of commerce revenue for the default period (revenue-gap-breakdown)").register(registry);
    }

    public void install(RoutesConfig routes) {
        ApiRoute.METRICS.install(routes, this::scrape);
    }

    /** Called by the request logger after every request. route is the matched template, or "unmatched". */
    public void recordRequest(String method, String route, int status, float millis) {
        Timer.builder("tieout.http.requests").description("HTTP request latency")
                .tags("method", method, "route", route, "status", String.valueOf(status))
                .publishPercentileHistogram()
                .register(registry)
                .record(Math.round(millis * 1_000_000.0), TimeUnit.NANOSECONDS);
    }

    private void scrape(Context ctx) {
        refresh();
        ctx.status(200).contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape());
    }

    private void refresh() {
        try (Connection c = warehouse.connect(); Statement s = c.createStatement()) {
            List<MultiGauge.Row<?>> runs = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT status, count(*) FROM ops.runs GROUP BY status ORDER BY status")) {
                while (rs.next()) runs.add(MultiGauge.Row.of(Tags.of("status", rs.getString(1)), rs.getLong(2)));
            }
            runsByStatus.register(runs, true);
            List<MultiGauge.Row<?>> models = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT m.model, m.row_count FROM ops.model_runs m WHERE m.run_id = "
                    + "(SELECT r.run_id FROM ops.runs r WHERE r.run_id IN (SELECT run_id FROM ops.model_runs) "
                    + "ORDER BY r.started_at DESC LIMIT 1) ORDER BY m.seq")) {
                while (rs.next()) models.add(MultiGauge.Row.of(Tags.of("model", rs.getString(1)), rs.getLong(2)));
            }
            rowsPerModel.register(models, true);
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM ops.quarantine")) {
                quarantined.set(rs.next() ? rs.getDouble(1) : Double.NaN);
            }
        } catch (Exception e) {
            log.warn("metrics: the warehouse does not answer: {}", e.getMessage());
        }
        try {
            var pct = cards.breakdown(cards.defaultPeriod(), CardScope.ALL).gapPct();
            gapPct.set(pct);
        } catch (Exception e) {
            gapPct.set(null);
            log.warn("metrics: no breakdown for the default period: {}", e.getMessage());
        }
    }
}
