package io.tieout.transform;

import io.tieout.config.TieoutConfig;
import io.tieout.warehouse.duckdb.DuckDbWarehouse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One transform run: config tables, every model, the checks, all in one transaction. Interrupted or
 * failed at any point, the warehouse is as it was before the run; the run's row in ops.runs says why.
 */
public final class TransformJob {
    private final DuckDbWarehouse warehouse;
    private final TieoutConfig config;
    private final ModelRunner runner;

    public TransformJob(DuckDbWarehouse warehouse, TieoutConfig config) {
        this(warehouse, config, new ModelRunner(ModelCatalog.fromClassPath(), new DuckDbDialect()));
    }

    TransformJob(DuckDbWarehouse warehouse, TieoutConfig config, ModelRunner runner) {
        this.warehouse = warehouse;
        this.config = config;
        this.runner = runner;
    }

    public record Result(String runId, Instant asOf, LocalDate periodFrom, LocalDate periodTo, PeriodTotals totals,
                         List<ModelRunner.ModelResult> models, long quarantined) {}

    public Result run(Instant asOf) {
        String runId = "transform-" + UUID.randomUUID();
        LocalDate[] period = RunVariables.defaultPeriod(config, asOf);
        Instant started = Instant.now();
        warehouse.modelWriteLock().lock();
        try (Connection c = warehouse.connect()) {
            c.setAutoCommit(false);
            try {
                Map<String, String> vars = RunVariables.of(config, runId, asOf, period[0], period[1]);
                ConfigTables.write(c, config);
                List<ModelRunner.ModelResult> models = runner.runAll(c, vars, runId);
                RunChecks.requireConvertedAmounts(c, config.reporting().currency());
                PeriodTotals totals = RunChecks.requireIdentity(c, period[0], period[1]);
                long quarantined = count(c, "SELECT count(*) FROM ops.quarantine WHERE run_id = " + ModelTemplate.literal(runId));
                recordRun(c, runId, started, asOf, period, "succeeded", null, quarantined);
                c.commit();
                return new Result(runId, asOf, period[0], period[1], totals, models, quarantined);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                c.setAutoCommit(true);
                recordRun(c, runId, started, asOf, period, "failed", e.getMessage(), null);
                if (e instanceof RunCheckFailed rcf) throw rcf;
                throw new IllegalStateException("transform run " + runId + " failed: " + e.getMessage(), e);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("transform run " + runId + " could not use the warehouse: " + e.getMessage(), e);
        } finally {
            warehouse.modelWriteLock().unlock();
        }
    }

    /**
     * Makes sure the period-scoped marts hold rows for [from, to] of the latest successful run,
     * computing and checking them on first use. Returns the period's totals.
     */
    public PeriodTotals ensurePeriod(LocalDate from, LocalDate to) {
        if (from == null || to == null) throw new IllegalArgumentException("a period needs both dates, got " + from + ".." + to);
        if (from.isAfter(to)) throw new IllegalArgumentException("period " + from + ".." + to + " ends before it starts");
        // The check for the period and the insert of its rows are one step: two callers must not both add it.
        warehouse.modelWriteLock().lock();
        try (Connection c = warehouse.connect()) {
            LatestRun latest = latestRun(c);
            if (latest == null) throw new IllegalStateException("no successful transform run yet: run the pipeline first");
            if (!hasPeriod(c, from, to)) {
                c.setAutoCommit(false);
                try {
                    runner.addPeriod(c, RunVariables.of(config, latest.runId, latest.asOf, from, to));
                    RunChecks.requireIdentity(c, from, to);
                    c.commit();
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                } finally {
                    c.setAutoCommit(true);
                }
            }
            return PeriodTotals.of(c, from, to);
        } catch (SQLException e) {
            throw new IllegalStateException("computing period " + from + ".." + to + " failed: " + e.getMessage(), e);
        } finally {
            warehouse.modelWriteLock().unlock();
        }
    }

    public record LatestRun(String runId, Instant asOf) {}

    public LatestRun latestRun() {
        try (Connection c = warehouse.connect()) {
            return latestRun(c);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static LatestRun latestRun(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT run_id, epoch_ms(as_of) FROM ops.runs "
                + "WHERE kind = 'transform' AND status = 'succeeded' ORDER BY finished_at DESC LIMIT 1");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? new LatestRun(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2))) : null;
        }
    }

    private static boolean hasPeriod(Connection c, LocalDate from, LocalDate to) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM marts.fct_revenue_gap_lines WHERE period_from = ? AND period_to = ? LIMIT 1")) {
            ps.setObject(1, from);
            ps.setObject(2, to);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void recordRun(Connection c, String runId, Instant started, Instant asOf, LocalDate[] period,
                                  String status, String message, Long quarantined) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO ops.runs (run_id, kind, started_at, finished_at, as_of, "
                + "period_from, period_to, status, message, quarantined) VALUES (?, 'transform', ?, now(), ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, runId);
            ps.setObject(2, java.time.OffsetDateTime.ofInstant(started, java.time.ZoneOffset.UTC));
            ps.setObject(3, java.time.OffsetDateTime.ofInstant(asOf, java.time.ZoneOffset.UTC));
            ps.setObject(4, period[0]);
            ps.setObject(5, period[1]);
            ps.setString(6, status);
            ps.setString(7, message);
            if (quarantined == null) ps.setNull(8, java.sql.Types.BIGINT); else ps.setLong(8, quarantined);
            ps.executeUpdate();
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
