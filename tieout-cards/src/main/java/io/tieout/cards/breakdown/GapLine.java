package io.tieout.cards.breakdown;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** One row of fct_revenue_gap_lines as the drill shows it, with the GL lines behind it. */
public record GapLine(String cause, String diagnosis, String orderKey, String source, String orderNumber,
                      LocalDate orderDate, String customer, String item, String clazz, String department,
                      String location, String project, String entity, BigDecimal amount, String action,
                      List<GlLineRef> glLines) {

    public record GlLineRef(String recordNo, String accountNo, LocalDate entryDate, String document,
                            BigDecimal amount) {}
}
