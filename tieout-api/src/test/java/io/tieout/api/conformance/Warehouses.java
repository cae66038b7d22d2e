package io.tieout.api.conformance;

import io.tieout.warehouse.duckdb.DuckDbWarehouse;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Test helper: rows of a query, and an order-independent digest of whole schemas (run ids and timestamps left out). */
final class Warehouses {
    private Warehouses() {}

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

    static String one(DuckDbWarehouse wh, String sql) {
        List<String> r = rows(wh, sql);
        if (r.size() != 1) throw new IllegalStateException(sql + " gave " + r.size() + " rows: " + r);
        return r.get(0);
    }

    /**
     * schema.table -> "count | hash" over every table of the schemas, with the columns that name a run
     * or a wall-clock time (run_id, *_at of our own clock, landed_at, ...) left out of the hash.
     */
    static Map<String, String> digest(DuckDbWarehouse wh, List<String> schemas) {
        Map<String, String> out = new TreeMap<>();
        String in = "'" + String.join("', '", schemas) + "'";
        Map<String, List<String>> columns = new TreeMap<>();
        for (String row : rows(wh, "SELECT table_schema || '.' || table_name, column_name FROM information_schema.columns "
                + "WHERE table_schema IN (" + in + ") ORDER BY table_schema, table_name, ordinal_position")) {
            String[] p = row.split(" \\| ");
            if (volatileColumn(p[1])) continue;
            columns.computeIfAbsent(p[0], k -> new ArrayList<>()).add('"' + p[1] + '"');
        }
        for (Map.Entry<String, List<String>> t : columns.entrySet()) {
            String cols = String.join(", ", t.getValue());
            out.put(t.getKey(), one(wh, "SELECT count(*) || ' rows | ' || CAST(coalesce(sum(hash(" + cols + ")), 0) AS VARCHAR) FROM "
                    + t.getKey()));
        }
        return out;
    }

    private static boolean volatileColumn(String c) {
        return c.endsWith("run_id") || c.equals("landed_at") || c.equals("found_at");
    }
}
