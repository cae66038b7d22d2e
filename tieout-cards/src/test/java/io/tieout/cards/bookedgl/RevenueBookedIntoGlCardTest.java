package io.tieout.cards.bookedgl;

import io.tieout.cards.CardScope;
import io.tieout.cards.DemoFixture;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static io.tieout.cards.DemoFixture.DEMO;
import static org.assertj.core.api.Assertions.assertThat;

class RevenueBookedIntoGlCardTest {
    private final RevenueBookedIntoGlCard card = new RevenueBookedIntoGlCard(DemoFixture.warehouse(), DemoFixture.config());

    @Test
    void rowsSumToTheSection6GlRevenue() {
        RevenueBookedIntoGl r = card.compute(DEMO, CardScope.ALL);
        assertThat(r.glRevenue()).isEqualByComparingTo("4616800.00");
        assertThat(r.rows().stream().map(RevenueBookedIntoGl.Row::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("4616800.00");
        assertThat(r.rows()).extracting(RevenueBookedIntoGl.Row::accountNo).containsOnly("4000", "4900");
        assertThat(r.rows()).extracting(RevenueBookedIntoGl.Row::entity).contains("VDI-US", "VDI-CA");
        assertThat(r.rows()).allSatisfy(x -> assertThat(x.entryDate()).isBetween(DEMO.from(), DEMO.to()));
    }

    @Test
    void entitiesPartitionG() {
        BigDecimal us = card.compute(DEMO, new CardScope("VDI-US", null, null)).glRevenue();
        BigDecimal ca = card.compute(DEMO, new CardScope("VDI-CA", null, null)).glRevenue();
        assertThat(us.add(ca)).isEqualByComparingTo("4616800.00");
    }
}
