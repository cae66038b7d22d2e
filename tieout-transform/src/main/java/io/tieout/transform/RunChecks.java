package io.tieout.transform;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** What must hold before a run's results are committed. Any failure fails the run, with the reason. */
final class RunChecks {
    private RunChecks() {}

    /** Amounts with no rate would silently drop out of C or G: name the currency, the day, an example. */
    private static final String[][] UNCONVERTED = {
        {"order line", "SELECT currency, order_date, min(order_key), count(*) FROM intermediate.int_commerce__order_lines "
                + "WHERE amount_rep IS NULL GROUP BY ALL ORDER BY 2, 1"},
        {"refund", "SELECT currency, refund_date, min(order_key), count(*) FROM intermediate.int_commerce__refunds "
                + "WHERE amount_rep IS NULL GROUP BY ALL ORDER BY 2, 1"},
        {"GL line", "SELECT base_currency, entry_date, min(gl_key), count(*) FROM intermediate.int_gl__revenue_lines "
                + "WHERE amount_rep IS NULL GROUP BY ALL ORDER BY 2, 1"},
    };

    static void requireConvertedAmounts(Connection c, String reportingCurrency) throws SQLException {
        List<String> problems = new ArrayList<>();
        try (Statement st = c.createStatement()) {
            for (String[] check : UNCONVERTED) {
                try (ResultSet rs = st.executeQuery(check[1])) {
                    while (rs.next() && problems.size() < 20) {
                        problems.add(rs.getLong(4) + " " + check[0] + "(s) in " + rs.getString(1) + " on " + rs.getString(2)
                                + " (first: " + rs.getString(3) + ")");
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new RunCheckFailed("no FX rate to " + reportingCurrency + " on or before the date for: "
                    + String.join("; ", problems) + ". Load rates for these currencies and days (fx source), then run again.");
        }
    }

    static PeriodTotals requireIdentity(Connection c, LocalDate from, LocalDate to) throws SQLException {
        PeriodTotals t = PeriodTotals.of(c, from, to);
        if (!t.identityHolds()) {
            throw new RunCheckFailed("identity failed for " + from + ".." + to + ": C - G = " + t.commerceRevenue()
                    + " - " + t.glRevenue() + " = " + t.gap() + " but the gap lines sum to " + t.gapLines()
                    + " (difference " + t.gap().subtract(t.gapLines()) + ")");
        }
        return t;
    }
}
