package io.tieout.cards.gapvscommerce;

import io.tieout.cards.CardScope;
import io.tieout.cards.DemoFixture;
import io.tieout.cards.Period;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.function.Function;

import static io.tieout.cards.DemoFixture.DEMO;
import static org.assertj.core.api.Assertions.assertThat;

class RevenueGapVsCommerceCardTest {
    private final RevenueGapVsCommerceCard card = new RevenueGapVsCommerceCard(DemoFixture.warehouse(), DemoFixture.config());

    @Test
    void periodHeadlineIsTheSection6Gap() {
        RevenueGapVsCommerce r = card.compute(DEMO, CardScope.ALL);
        assertThat(r.commerceRevenue()).isEqualByComparingTo("4820400.00");
        assertThat(r.glRevenue()).isEqualByComparingTo("4616800.00");
        assertThat(r.gap()).isEqualByComparingTo("203600.00");
        assertThat(r.gapPct()).isEqualByComparingTo("4.22");
        assertThat(r.definitions().notes()).anySatisfy(n -> assertThat(n).contains("its own one-day period"));
    }

    @Test
    void dailySeriesHasEveryDayAndSumsToThePeriod() {
        RevenueGapVsCommerce r = card.compute(DEMO, CardScope.ALL);
        assertThat(r.days()).hasSize(30);
        assertThat(r.days().get(0).date()).isEqualTo(DEMO.from());
        assertThat(r.days().get(29).date()).isEqualTo(DEMO.to());
        assertThat(sum(r, RevenueGapVsCommerce.Day::commerceRevenue)).isEqualByComparingTo(r.commerceRevenue());
        assertThat(sum(r, RevenueGapVsCommerce.Day::glRevenue)).isEqualByComparingTo(r.glRevenue());
        assertThat(sum(r, RevenueGapVsCommerce.Day::gap)).isEqualByComparingTo("203600.00");
        assertThat(r.days()).allSatisfy(d -> assertThat(d.gap()).isEqualByComparingTo(d.commerceRevenue().subtract(d.glRevenue())));
    }

    @Test
    void aDayIsItsOwnReconciliation() {
        RevenueGapVsCommerce period = card.compute(DEMO, CardScope.ALL);
        RevenueGapVsCommerce.Day day = period.days().get(10);
        RevenueGapVsCommerce single = card.compute(new Period(day.date(), day.date()), CardScope.ALL);
        assertThat(single.commerceRevenue()).isEqualByComparingTo(day.commerceRevenue());
        assertThat(single.gap()).isEqualByComparingTo(day.gap());
        assertThat(single.gapPct()).isEqualByComparingTo(day.gapPct());
    }

    @Test
    void scopesPartitionTheCompany() {
        BigDecimal us = card.compute(DEMO, new CardScope("VDI-US", null, null)).gap();
        BigDecimal ca = card.compute(DEMO, new CardScope("VDI-CA", null, null)).gap();
        assertThat(us.add(ca)).isEqualByComparingTo("203600.00");
        assertThat(card.compute(new Period(LocalDate.parse("2020-01-01"), LocalDate.parse("2020-01-02")), CardScope.ALL).days())
                .allSatisfy(d -> assertThat(d.gapPct()).isNull());
    }

    private static BigDecimal sum(RevenueGapVsCommerce r, Function<RevenueGapVsCommerce.Day, BigDecimal> f) {
        return r.days().stream().map(f).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
