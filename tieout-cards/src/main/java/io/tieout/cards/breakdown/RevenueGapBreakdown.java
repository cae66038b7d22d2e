package io.tieout.cards.breakdown;

import io.tieout.cards.Period;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** The master card: C(P), G(P), the gap and one reason per cause of reconciliation.md §4. */
public record RevenueGapBreakdown(
        Period period,
        String timezone,
        Instant asOf,
        String currency,
        BigDecimal commerceRevenue,
        BigDecimal glRevenue,
        BigDecimal gap,
        BigDecimal gapPct,
        BigDecimal thresholdPct,
        boolean alertFiring,
        boolean identityHolds,
        BigDecimal unexplained,
        List<Reason> reasons,
        Definitions definitions) {

    public record Reason(String cause, String label, BigDecimal amount, BigDecimal affectedAmount,
                         BigDecimal pctOfGap, long orders, String owningDimension, String recoverable,
                         List<Diagnosis> diagnoses) {}

    public record Diagnosis(String diagnosis, long orders, BigDecimal amount, String owningDimension, String action) {}

    /** What the numbers were computed with, so a controller can tie them out by hand. */
    public record Definitions(String taxBasis, String fxPolicy, String revenueAccounts, String syncLag,
                              String orderDate, String matchKey) {}
}
