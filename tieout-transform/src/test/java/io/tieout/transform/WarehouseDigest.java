package io.tieout.transform;

import io.tieout.warehouse.duckdb.DuckDbWarehouse;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Test helper: what a warehouse's tables hold, cheap to compare. Per table its columns with types,
 * its row count and an order-independent, duplicate-sensitive hash of its rows (sum of row hashes).
 */
final class WarehouseDigest {
    static final List<String> MODEL_SCHEMAS = List.of("staging", "intermediate", "marts");

    private WarehouseDigest() {}

    /** schema.table -> "columns | count | hash", for every table in the schemas. */
    static Map<String, String> of(DuckDbWarehouse wh, List<String> schemas) {
        Map<String, String> out = new TreeMap<>();
        try (Connection c = wh.connect(); Statement st = c.createStatement()) {
            List<String> tables = tables(st, schemas);
            if (tables.isEmpty()) return out;
            Map<String, String> columns = new TreeMap<>();
            try (ResultSet rs = st.executeQuery("SELECT table_schema || '.' || table_name, "
                    + "string_agg(column_name || ' ' || data_type, ', ' ORDER BY ordinal_position) FROM information_schema.columns "
                    + "WHERE table_schema IN (" + quoted(schemas) + ") GROUP BY 1")) {
                while (rs.next()) columns.put(rs.getString(1), rs.getString(2));
            }
            StringBuilder sql = new StringBuilder();
            for (String table : tables) {
                if (sql.length() > 0) sql.append(" UNION ALL ");
                sql.append("SELECT '").append(table).append("', count(*), CAST(coalesce(sum(hash(t)), 0) AS VARCHAR) FROM ")
                        .append(table).append(" t");
            }
            try (ResultSet rs = st.executeQuery(sql.toString())) {
                while (rs.next()) {
                    out.put(rs.getString(1), columns.get(rs.getString(1)) + " | " + rs.getLong(2) + " rows | " + rs.getString(3));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    static Map<String, String> models(DuckDbWarehouse wh) {
        return of(wh, MODEL_SCHEMAS);
    }

    /**
     * The catalog identity of every table (DuckDB gives a replaced table a new oid): equal before and
     * after a run only if the run replaced no table, even with identical contents.
     */
    static Map<String, Long> oids(DuckDbWarehouse wh, List<String> schemas) {
        Map<String, Long> out = new TreeMap<>();
        try (Connection c = wh.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT schema_name || '.' || table_name, table_oid FROM duckdb_tables() "
                     + "WHERE schema_name IN (" + quoted(schemas) + ")")) {
            while (rs.next()) out.put(rs.getString(1), rs.getLong(2));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    static List<String> rows(DuckDbWarehouse wh, String sql) {
        List<String> out = new ArrayList<>();
        try (Connection c = wh.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder sb = new StringBuilder();
                for (int i = 1; i <= n; i++) sb.append(i > 1 ? " | " : "").append(rs.getString(i));
                out.add(sb.toString());
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
        return out;
    }

    static void execute(DuckDbWarehouse wh, String sql) {
        try (Connection c = wh.connect(); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private static List<String> tables(Statement st, List<String> schemas) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery("SELECT table_schema || '.' || table_name FROM information_schema.tables "
                + "WHERE table_schema IN (" + quoted(schemas) + ") ORDER BY 1")) {
            while (rs.next()) out.add(rs.getString(1));
        }
        return out;
    }

    private static String quoted(List<String> names) {
        return "'" + String.join("', '", names) + "'";
    }
}
