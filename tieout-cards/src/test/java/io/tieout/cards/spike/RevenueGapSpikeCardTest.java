package io.tieout.cards.spike;

import io.tieout.cards.CardScope;
import io.tieout.cards.DemoFixture;
import io.tieout.cards.gapvscommerce.RevenueGapVsCommerceCard;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static io.tieout.cards.DemoFixture.DEMO;
import static org.assertj.core.api.Assertions.assertThat;

class RevenueGapSpikeCardTest {
    @Test
    void everyDayIsJudgedAgainstItsOwnTrailingBaseline() {
        RevenueGapSpikeCard card = new RevenueGapSpikeCard(DemoFixture.warehouse(), DemoFixture.config());
        RevenueGapSpike r = card.compute(DEMO, CardScope.ALL);
        assertThat(r.days()).hasSize(30);
        assertThat(r.rule()).isEqualTo("mean_plus_sigma");
        var series = new RevenueGapVsCommerceCard(DemoFixture.warehouse(), DemoFixture.config()).compute(DEMO, CardScope.ALL).days();
        for (int i = 0; i < 30; i++) {
            assertThat(r.days().get(i).gapPct()).isEqualTo(series.get(i).gapPct());
        }
        assertThat(r.firing()).allSatisfy(d -> assertThat(d.gapPct()).isGreaterThan(d.baseline().threshold()));
        assertThat(r.days()).filteredOn(d -> !d.firing() && d.baseline() != null && d.gapPct() != null)
                .allSatisfy(d -> assertThat(d.gapPct()).isLessThanOrEqualTo(d.baseline().threshold()));
        // Late in the period the baseline lies inside it and has enough days.
        assertThat(r.days().get(29).baseline()).isNotNull();
        // A tiny factor makes the median rule fire on the days above their median.
        RevenueGapSpike low = card.compute(DEMO, CardScope.ALL, SpikeRule.medianMultiple(new BigDecimal("0.01")));
        assertThat(low.firing().size()).isGreaterThanOrEqualTo(r.firing().size());
    }
}
