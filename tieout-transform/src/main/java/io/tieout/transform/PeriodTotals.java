package io.tieout.transform;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

/**
 * C(P), G(P) and the sum of the period's gap lines, each computed on its own from the layer it is
 * defined on, so that comparing them is a real check of the decomposition (reconciliation.md §2).
 */
public record PeriodTotals(BigDecimal commerceRevenue, BigDecimal glRevenue, BigDecimal gapLines) {

    public BigDecimal gap() { return commerceRevenue.subtract(glRevenue); }

    public boolean identityHolds() { return gap().compareTo(gapLines) == 0; }

    private static final String SQL = """
            SELECT
              (SELECT coalesce(sum(revenue_rep), 0) FROM intermediate.int_commerce__orders
                WHERE order_date BETWEEN ? AND ? AND NOT is_cancelled)
              - (SELECT coalesce(sum(r.amount_rep), 0) FROM intermediate.int_commerce__refunds r
                 JOIN intermediate.int_commerce__orders o ON o.order_key = r.order_key
                WHERE r.refund_date BETWEEN ? AND ? AND NOT o.is_cancelled) AS commerce_revenue,
              (SELECT coalesce(sum(amount_rep), 0) FROM intermediate.int_gl__revenue_lines
                WHERE entry_date BETWEEN ? AND ?) AS gl_revenue,
              (SELECT coalesce(sum(amount), 0) FROM marts.fct_revenue_gap_lines
                WHERE period_from = ? AND period_to = ?) AS gap_lines
            """;

    public static PeriodTotals of(Connection c, LocalDate from, LocalDate to) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SQL)) {
            for (int i = 0; i < 4; i++) {
                ps.setObject(2 * i + 1, from);
                ps.setObject(2 * i + 2, to);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new PeriodTotals(rs.getBigDecimal(1).setScale(2), rs.getBigDecimal(2).setScale(2),
                        rs.getBigDecimal(3).setScale(2));
            }
        }
    }
}
