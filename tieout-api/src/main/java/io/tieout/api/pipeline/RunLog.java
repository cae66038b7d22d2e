package io.tieout.api.pipeline;

import io.tieout.extract.SourceStats;
import io.tieout.warehouse.duckdb.DuckDbWarehouse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The run log: one ops.runs row per pipeline run, one ops.source_runs row per source in it. */
public final class RunLog {
    private final DuckDbWarehouse warehouse;

    public RunLog(DuckDbWarehouse warehouse) {
        this.warehouse = warehouse;
    }

    public void started(String runId, Instant asOf) {
        update("INSERT INTO ops.runs (run_id, kind, started_at, as_of, status) VALUES (?, 'pipeline', now(), ?, 'running')",
                runId, ts(asOf));
    }

    public void finished(String runId, String status, String message) {
        update("UPDATE ops.runs SET finished_at = now(), status = ?, message = ? WHERE run_id = ?", status, message, runId);
    }

    public void source(String runId, String source, Instant started, SourceStats s, String status, String message) {
        update("INSERT INTO ops.source_runs (run_id, source, started_at, finished_at, status, pages, records, quarantined, "
                        + "retries, throttled, millis, message) VALUES (?, ?, ?, now(), ?, ?, ?, ?, ?, ?, ?, ?)",
                runId, source, ts(started), status, s.pages(), s.records(), s.quarantinedCount(), s.retries(),
                s.throttledCount(), java.time.Duration.between(started, Instant.now()).toMillis(), message);
    }

    /** Newest first: each run with its per-source rows. */
    public List<Map<String, Object>> recent(int limit) {
        List<Map<String, Object>> runs = query("SELECT run_id, kind, started_at, finished_at, as_of, period_from, period_to, "
                + "status, message, quarantined FROM ops.runs ORDER BY started_at DESC LIMIT " + limit);
        for (Map<String, Object> run : runs) run.put("sources", sources((String) run.get("run_id")));
        return runs;
    }

    public Optional<Map<String, Object>> run(String runId) {
        List<Map<String, Object>> rows = query("SELECT run_id, kind, started_at, finished_at, as_of, period_from, period_to, "
                + "status, message, quarantined FROM ops.runs WHERE run_id = ?", runId);
        if (rows.isEmpty()) return Optional.empty();
        rows.get(0).put("sources", sources(runId));
        return Optional.of(rows.get(0));
    }

    private List<Map<String, Object>> sources(String runId) {
        return query("SELECT source, status, pages, records, quarantined, retries, throttled, millis, message "
                + "FROM ops.source_runs WHERE run_id = ? ORDER BY source", runId);
    }

    private List<Map<String, Object>> query(String sql, Object... args) {
        try (Connection c = warehouse.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            List<Map<String, Object>> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= n; i++) {
                        Object v = rs.getObject(i);
                        row.put(rs.getMetaData().getColumnLabel(i), v instanceof OffsetDateTime t ? t.toInstant().toString()
                                : v == null ? null : v instanceof Number ? v : v.toString());
                    }
                    out.add(row);
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("reading the run log failed: " + e.getMessage(), e);
        }
    }

    private void update(String sql, Object... args) {
        try (Connection c = warehouse.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("writing the run log failed: " + e.getMessage(), e);
        }
    }

    private static OffsetDateTime ts(Instant t) {
        return OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }
}
