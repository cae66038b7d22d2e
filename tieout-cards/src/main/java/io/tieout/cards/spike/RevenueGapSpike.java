package io.tieout.cards.spike;

import io.tieout.cards.CardDefinitions;
import io.tieout.cards.Period;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** revenue-gap-spike: every day of P against its trailing baseline, and the days that fire. */
public record RevenueGapSpike(Period period, Instant asOf, String rule, BigDecimal factor, int window, List<Day> days,
                              List<Day> firing, CardDefinitions definitions) {

    /** gapPct null: no commerce revenue that day; baseline null: too few baseline days, not evaluated. */
    public record Day(LocalDate date, BigDecimal commerceRevenue, BigDecimal gap, BigDecimal gapPct,
                      SpikeRule.Baseline baseline, boolean firing) {}
}
