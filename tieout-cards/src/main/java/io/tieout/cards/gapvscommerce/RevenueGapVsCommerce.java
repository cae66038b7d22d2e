package io.tieout.cards.gapvscommerce;

import io.tieout.cards.CardDefinitions;
import io.tieout.cards.Period;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** revenue-gap-vs-commerce: the period's gap and gap %, and the same for each single day of it. */
public record RevenueGapVsCommerce(Period period, Instant asOf, String currency, BigDecimal commerceRevenue,
                                   BigDecimal glRevenue, BigDecimal gap, BigDecimal gapPct, List<Day> days,
                                   CardDefinitions definitions) {

    /** One day reconciled on its own: gapPct is null on a day without commerce revenue. */
    public record Day(LocalDate date, BigDecimal commerceRevenue, BigDecimal glRevenue, BigDecimal gap, BigDecimal gapPct) {}
}
