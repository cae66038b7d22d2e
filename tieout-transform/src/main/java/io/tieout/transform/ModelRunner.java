package io.tieout.transform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs models on the caller's connection (and so inside the caller's transaction) in catalog order,
 * recording each model's rows and time. DuckDB spelling of the materializations lives here.
 */
public final class ModelRunner {
    private final ModelCatalog catalog;
    private final Dialect dialect;
    private final AfterModel afterModel;

    /** Test seam: told, inside the run's transaction, each time a model's table has been written. */
    interface AfterModel {
        void ran(Connection c, Model m) throws SQLException;
    }

    public ModelRunner(ModelCatalog catalog, Dialect dialect) {
        this(catalog, dialect, (c, m) -> {});
    }

    ModelRunner(ModelCatalog catalog, Dialect dialect, AfterModel afterModel) {
        this.catalog = catalog;
        this.dialect = dialect;
        this.afterModel = afterModel;
    }

    public record ModelResult(String model, long rows, long millis) {}

    /**
     * Every model: tables are replaced, period-scoped marts are rebuilt for the run's period only, and
     * the models' quarantine rows are replaced by this run's.
     */
    public List<ModelResult> runAll(Connection c, Map<String, String> vars, String runId) throws SQLException {
        List<ModelResult> results = new ArrayList<>();
        try (Statement st = c.createStatement()) {
            // Staging re-reads all of raw on every run, so what this run quarantines replaces what earlier
            // runs did: a record fixed at the source leaves the quarantine. Landing's own rows stay.
            st.execute("DELETE FROM ops.quarantine WHERE model <> 'landing'");
        }
        for (Model m : catalog.models()) {
            long t0 = System.nanoTime();
            String sql = expand(m, vars);
            String table = dialect.qualified(m.schema(), m.name());
            try (Statement st = c.createStatement()) {
                if (m.quarantines()) {
                    st.execute("CREATE OR REPLACE TEMP TABLE _model_out AS " + sql);
                    st.execute("INSERT INTO ops.quarantine (source, object, id, model, reason, payload, run_id, found_at) "
                            + "SELECT _source, _object, _id, '" + m.name() + "', _error, _payload, " + vars.get("run_id")
                            + ", now() FROM _model_out WHERE _error IS NOT NULL "
                            + "ON CONFLICT DO UPDATE SET reason = EXCLUDED.reason, payload = EXCLUDED.payload, "
                            + "run_id = EXCLUDED.run_id, found_at = EXCLUDED.found_at");
                    st.execute("CREATE OR REPLACE TABLE " + table + " AS SELECT * EXCLUDE (_error, _payload) "
                            + "FROM _model_out WHERE _error IS NULL");
                    st.execute("DROP TABLE _model_out");
                } else {
                    st.execute("CREATE OR REPLACE TABLE " + table + " AS " + sql);
                }
            } catch (SQLException e) {
                throw new SQLException("model " + m.name() + " failed: " + e.getMessage(), e);
            }
            long rows = count(c, table);
            long millis = (System.nanoTime() - t0) / 1_000_000;
            record(c, runId, m.name(), results.size(), rows, millis);
            results.add(new ModelResult(m.name(), rows, millis));
            afterModel.ran(c, m);
        }
        return results;
    }

    /** Adds one more period's rows to the period-scoped marts (the caller removed any old ones). */
    public void addPeriod(Connection c, Map<String, String> vars) throws SQLException {
        for (Model m : catalog.periodScoped()) {
            String sql = expand(m, vars);
            try (Statement st = c.createStatement()) {
                st.execute("INSERT INTO " + dialect.qualified(m.schema(), m.name()) + " " + sql);
            }
            afterModel.ran(c, m);
        }
    }

    public ModelCatalog catalog() { return catalog; }

    /** The model's SQL for this run; a template error says which model it is in. */
    String expand(Model m, Map<String, String> vars) {
        try {
            return ModelTemplate.expand(m.template(), dialect, vars);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("model " + m.name() + ": " + e.getMessage(), e);
        }
    }

    private static long count(Connection c, String table) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void record(Connection c, String runId, String model, int seq, long rows, long millis) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO ops.model_runs (run_id, model, seq, row_count, millis) VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, runId);
            ps.setString(2, model);
            ps.setInt(3, seq);
            ps.setLong(4, rows);
            ps.setLong(5, millis);
            ps.executeUpdate();
        }
    }
}
