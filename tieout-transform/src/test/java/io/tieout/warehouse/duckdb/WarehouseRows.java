package io.tieout.warehouse.duckdb;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Test helper: every row of a query as text, for exact before/after comparisons. */
final class WarehouseRows {
    private WarehouseRows() {}

    static List<String> rows(DuckDbWarehouse wh, String sql) {
        try (Connection c = wh.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                StringBuilder sb = new StringBuilder();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    if (i > 1) sb.append(" | ");
                    sb.append(rs.getString(i));
                }
                out.add(sb.toString());
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    static List<String> raw(DuckDbWarehouse wh) {
        return rows(wh, "SELECT source, object, id, updated_at, payload, landed_at, run_id FROM raw.records ORDER BY ALL");
    }

    static List<String> quarantine(DuckDbWarehouse wh) {
        return rows(wh, "SELECT source, object, id, model, reason, payload, run_id, found_at FROM ops.quarantine ORDER BY ALL");
    }
}
