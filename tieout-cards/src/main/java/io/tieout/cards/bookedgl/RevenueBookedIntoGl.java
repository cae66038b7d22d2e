package io.tieout.cards.bookedgl;

import io.tieout.cards.CardDefinitions;
import io.tieout.cards.Period;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** revenue-booked-into-gl: G(P) by posting day, account and entity; the rows sum to glRevenue. */
public record RevenueBookedIntoGl(Period period, Instant asOf, String currency, BigDecimal glRevenue, List<Row> rows,
                                  CardDefinitions definitions) {

    /** lines = GL detail lines; interEntity = the part of amount on inter-entity lines. */
    public record Row(LocalDate entryDate, String accountNo, String entity, BigDecimal amount, BigDecimal interEntity, long lines) {}
}
