package io.tieout.cards.commercetotal;

import io.tieout.cards.CardDefinitions;
import io.tieout.cards.Period;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** commerce-total-revenue: C(P) per platform (source type) and storefront. */
public record CommerceTotalRevenue(Period period, Instant asOf, String currency, BigDecimal commerceRevenue,
                                   List<Platform> platforms, List<Storefront> storefronts, CardDefinitions definitions) {

    /** metricId is {@code <platform>.total_revenue}, e.g. shopify.total_revenue. */
    public record Platform(String platform, String metricId, BigDecimal revenue) {}

    public record Storefront(String platform, String source, String storefront, String channel, BigDecimal orderRevenue,
                             BigDecimal refunds, BigDecimal revenue, long orderCount) {}
}
