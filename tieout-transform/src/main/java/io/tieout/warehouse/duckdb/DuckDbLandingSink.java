package io.tieout.warehouse.duckdb;

import io.tieout.extract.CursorStore;
import io.tieout.extract.LandingSink;
import io.tieout.extract.RawRecord;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Lands a batch into {@code raw.records} in one transaction: a MERGE keyed on (source, object, id)
 * that keeps the newest {@code updated_at}. Applying the same batch again changes nothing; a payload
 * that is not JSON goes to {@code ops.quarantine} with its reason instead of raw.
 */
public final class DuckDbLandingSink implements LandingSink, CursorStore {
    private final DuckDbWarehouse warehouse;
    private final Probe probe;

    /** Test seam: told each step of a landing, inside its transaction; a probe that throws interrupts it there. */
    interface Probe {
        void reached(String step) throws SQLException;
    }

    public DuckDbLandingSink(DuckDbWarehouse warehouse) {
        this(warehouse, step -> {});
    }

    DuckDbLandingSink(DuckDbWarehouse warehouse, Probe probe) {
        this.warehouse = warehouse;
        this.probe = probe;
    }

    @Override
    public LandingResult land(String runId, List<RawRecord> batch, CursorAdvance advance) {
        if (batch.isEmpty() && advance == null) return new LandingResult(0, 0, 0, 0);
        try (Connection c = warehouse.connect()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("CREATE OR REPLACE TEMP TABLE landing_batch (source VARCHAR, object VARCHAR, id VARCHAR, "
                        + "updated_at TIMESTAMPTZ, payload VARCHAR, seq BIGINT)");
                append(c, batch, probe);
                long quarantined = quarantineInvalidJson(st, runId);
                probe.reached("quarantined");
                // Within a batch the newest version wins; ties keep the later record, as a page re-read would.
                st.execute("CREATE OR REPLACE TEMP TABLE landing_newest AS SELECT source, object, id, updated_at, payload "
                        + "FROM landing_batch WHERE json_valid(payload) "
                        + "QUALIFY row_number() OVER (PARTITION BY source, object, id ORDER BY updated_at DESC, seq DESC) = 1");
                long inserted = count(st, "SELECT count(*) FROM landing_newest n ANTI JOIN raw.records r USING (source, object, id)");
                long updated = count(st, "SELECT count(*) FROM landing_newest n JOIN raw.records r USING (source, object, id) "
                        + "WHERE n.updated_at > r.updated_at");
                st.execute("MERGE INTO raw.records r USING landing_newest n "
                        + "ON r.source = n.source AND r.object = n.object AND r.id = n.id "
                        + "WHEN MATCHED AND n.updated_at > r.updated_at THEN UPDATE SET updated_at = n.updated_at, "
                        + "payload = n.payload, landed_at = now(), run_id = '" + sqlLiteral(runId) + "' "
                        + "WHEN NOT MATCHED THEN INSERT (source, object, id, updated_at, payload, landed_at, run_id) "
                        + "VALUES (n.source, n.object, n.id, n.updated_at, n.payload, now(), '" + sqlLiteral(runId) + "')");
                probe.reached("merged");
                st.execute("DROP TABLE landing_batch");
                st.execute("DROP TABLE landing_newest");
                if (advance != null) advanceCursor(c, runId, advance);
                c.commit();
                return new LandingResult(inserted, updated, batch.size() - inserted - updated - quarantined, quarantined);
            } catch (SQLException | RuntimeException e) {
                // Explicitly, whatever failed (closing the connection would also roll back).
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("landing a batch of " + batch.size() + " records failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void quarantine(String runId, Rejected r) {
        // A record with no id of its own is keyed by its content, so seeing it again is one row, not two.
        String id = r.id() != null ? r.id() : "unkeyed-" + Integer.toHexString(r.payload().hashCode());
        try (Connection c = warehouse.connect(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO ops.quarantine (source, object, id, model, reason, payload, run_id, found_at) "
                        + "VALUES (?, ?, ?, 'extract', ?, ?, ?, now()) ON CONFLICT DO UPDATE SET reason = EXCLUDED.reason, "
                        + "payload = EXCLUDED.payload, run_id = EXCLUDED.run_id, found_at = EXCLUDED.found_at")) {
            ps.setString(1, r.source());
            ps.setString(2, r.object());
            ps.setString(3, id);
            ps.setString(4, r.reason());
            ps.setString(5, r.payload());
            ps.setString(6, runId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("quarantining " + r.source() + "/" + r.object() + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<String> cursor(String source, String stream) {
        try (Connection c = warehouse.connect();
             PreparedStatement ps = c.prepareStatement("SELECT cursor FROM ops.cursors WHERE source = ? AND stream = ?")) {
            ps.setString(1, source);
            ps.setString(2, stream);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the cursor of " + source + "/" + stream + " failed: " + e.getMessage(), e);
        }
    }

    private static void advanceCursor(Connection c, String runId, CursorAdvance a) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO ops.cursors (source, stream, cursor, run_id, updated_at) "
                + "VALUES (?, ?, ?, ?, now()) ON CONFLICT DO UPDATE SET cursor = EXCLUDED.cursor, run_id = EXCLUDED.run_id, "
                + "updated_at = EXCLUDED.updated_at")) {
            ps.setString(1, a.source());
            ps.setString(2, a.stream());
            ps.setString(3, a.cursor());
            ps.setString(4, runId);
            ps.executeUpdate();
        }
    }

    private static void append(Connection c, List<RawRecord> batch, Probe probe) throws SQLException {
        try (DuckDBAppender appender = ((DuckDBConnection) c).createAppender("temp", "main", "landing_batch")) {
            long seq = 0;
            for (RawRecord r : batch) {
                appender.beginRow();
                appender.append(r.source());
                appender.append(r.object());
                appender.append(r.id());
                appender.append(OffsetDateTime.ofInstant(r.updatedAt(), ZoneOffset.UTC));
                appender.append(r.payload());
                appender.append(seq++);
                appender.endRow();
                probe.reached("appended record " + seq);
            }
        }
    }

    private static long quarantineInvalidJson(Statement st, String runId) throws SQLException {
        long bad = count(st, "SELECT count(*) FROM landing_batch WHERE NOT json_valid(payload)");
        if (bad == 0) return 0;
        st.execute("INSERT INTO ops.quarantine (source, object, id, model, reason, payload, run_id, found_at) "
                + "SELECT source, object, id, 'landing', 'payload is not valid JSON', payload, '" + sqlLiteral(runId) + "', now() "
                + "FROM landing_batch WHERE NOT json_valid(payload) "
                + "QUALIFY row_number() OVER (PARTITION BY source, object, id ORDER BY seq DESC) = 1 "
                + "ON CONFLICT DO UPDATE SET reason = EXCLUDED.reason, payload = EXCLUDED.payload, "
                + "run_id = EXCLUDED.run_id, found_at = EXCLUDED.found_at");
        return bad;
    }

    private static long count(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String sqlLiteral(String s) {
        return s.replace("'", "''");
    }

}
