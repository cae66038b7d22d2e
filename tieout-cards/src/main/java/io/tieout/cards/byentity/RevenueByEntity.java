package io.tieout.cards.byentity;

import io.tieout.cards.CardDefinitions;
import io.tieout.cards.Period;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** revenue-by-entity: the gap per Intacct entity, without and with eliminations. */
public record RevenueByEntity(Period period, Instant asOf, String currency, List<Entity> entities, CardDefinitions definitions) {

    /**
     * Without eliminations: commerceRevenue − glRevenue = gap = Σ gap lines of the entity (identityHolds).
     * With eliminations: glRevenueEliminated = glRevenue − interEntity, gapEliminated = commerceRevenue −
     * glRevenueEliminated = gap + interEntity. causes: the entity's gap lines by cause (non-zero only).
     */
    public record Entity(String entity, BigDecimal commerceRevenue, BigDecimal glRevenue, BigDecimal gap, BigDecimal gapPct,
                         BigDecimal interEntity, BigDecimal glRevenueEliminated, BigDecimal gapEliminated,
                         BigDecimal gapPctEliminated, boolean identityHolds, Map<String, BigDecimal> causes) {}
}
