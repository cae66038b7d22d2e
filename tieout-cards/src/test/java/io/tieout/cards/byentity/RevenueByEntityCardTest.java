package io.tieout.cards.byentity;

import io.tieout.cards.CardScope;
import io.tieout.cards.DemoFixture;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;
import java.util.stream.Collectors;

import static io.tieout.cards.DemoFixture.DEMO;
import static org.assertj.core.api.Assertions.assertThat;

class RevenueByEntityCardTest {
    private final RevenueByEntityCard card = new RevenueByEntityCard(DemoFixture.warehouse(), DemoFixture.config());

    @Test
    void entitiesAddUpToTheCompanyAndEachTiesOut() {
        RevenueByEntity r = card.compute(DEMO, CardScope.ALL);
        Map<String, RevenueByEntity.Entity> e = r.entities().stream().collect(Collectors.toMap(RevenueByEntity.Entity::entity, x -> x));
        assertThat(e).containsOnlyKeys("VDI-US", "VDI-CA");
        assertThat(sum(r, RevenueByEntity.Entity::commerceRevenue)).isEqualByComparingTo("4820400.00");
        assertThat(sum(r, RevenueByEntity.Entity::glRevenue)).isEqualByComparingTo("4616800.00");
        assertThat(sum(r, RevenueByEntity.Entity::gap)).isEqualByComparingTo("203600.00");
        assertThat(r.entities()).allSatisfy(x -> assertThat(x.identityHolds()).isTrue());
        assertThat(e.get("VDI-CA").causes().get("currency_fx")).isEqualByComparingTo("14200.00");
        assertThat(e.get("VDI-US").causes()).doesNotContainKey("currency_fx");
    }

    @Test
    void withoutInterEntityLinesEliminationsChangeNothing() {
        RevenueByEntity r = card.compute(DEMO, CardScope.ALL);
        assertThat(r.entities()).allSatisfy(x -> {
            assertThat(x.interEntity()).isEqualByComparingTo("0.00");
            assertThat(x.gapEliminated()).isEqualByComparingTo(x.gap());
        });
        assertThat(r.definitions().notes()).anySatisfy(n -> assertThat(n).contains("gap_elim(e) = sum of gap lines(e) + interEntity(e)"));
    }

    private static BigDecimal sum(RevenueByEntity r, java.util.function.Function<RevenueByEntity.Entity, BigDecimal> f) {
        return r.entities().stream().map(f).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
