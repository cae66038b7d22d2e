package io.tieout.cards.commercetotal;

import io.tieout.cards.CardScope;
import io.tieout.cards.DemoFixture;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static io.tieout.cards.DemoFixture.DEMO;
import static org.assertj.core.api.Assertions.assertThat;

class CommerceTotalRevenueCardTest {
    private final CommerceTotalRevenueCard card = new CommerceTotalRevenueCard(DemoFixture.warehouse(), DemoFixture.config());

    @Test
    void platformsSumToTheSection6CommerceRevenue() {
        CommerceTotalRevenue r = card.compute(DEMO, CardScope.ALL);
        assertThat(r.commerceRevenue()).isEqualByComparingTo("4820400.00");
        assertThat(r.platforms()).extracting(CommerceTotalRevenue.Platform::metricId)
                .containsExactly("bigcommerce.total_revenue", "shopify.total_revenue");
        assertThat(r.platforms().stream().map(CommerceTotalRevenue.Platform::revenue).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("4820400.00");
        assertThat(r.storefronts().stream().map(CommerceTotalRevenue.Storefront::revenue).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("4820400.00");
        assertThat(r.platforms()).allSatisfy(p -> assertThat(p.revenue().signum()).isPositive());
    }

    @Test
    void aSourceScopeKeepsOnlyItsPlatform() {
        CommerceTotalRevenue r = card.compute(DEMO, new CardScope(null, null, "shopify-d2c"));
        assertThat(r.platforms()).extracting(CommerceTotalRevenue.Platform::platform).containsExactly("shopify");
    }
}
