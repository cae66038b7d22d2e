package io.tieout.cards;

import io.tieout.cards.bookedgl.RevenueBookedIntoGlCard;
import io.tieout.cards.byentity.RevenueByEntity;
import io.tieout.cards.byentity.RevenueByEntityCard;
import io.tieout.cards.commercetotal.CommerceTotalRevenueCard;
import io.tieout.cards.gapvscommerce.RevenueGapVsCommerce;
import io.tieout.cards.gapvscommerce.RevenueGapVsCommerceCard;
import io.tieout.cards.unmapped.UnmappedOrders;
import io.tieout.cards.unmapped.UnmappedOrdersCard;
import io.tieout.config.TieoutConfig;
import io.tieout.sandbox.scenario.GroundTruth;
import io.tieout.sandbox.scenario.Scenario;
import io.tieout.sandbox.scenario.SyntheticCompany;
import io.tieout.transform.ScenarioWarehouse;
import io.tieout.transform.TransformJob;
import io.tieout.warehouse.duckdb.DuckDbWarehouse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The cards on a generated company, against the generator's ground truth. */
class SyntheticCompanyCardsTest {
    @TempDir Path dir;

    @Test
    void cardsStateThePlantedTruth() {
        Scenario sc = SyntheticCompany.generate(20260502L, 120, SyntheticCompany.Options.all());
        GroundTruth truth = sc.truth();
        Period p = new Period(sc.periodFrom(), sc.periodTo());
        try (DuckDbWarehouse wh = ScenarioWarehouse.landed(dir, sc)) {
            TieoutConfig cfg = ScenarioWarehouse.vortexConfig(dir);
            new TransformJob(wh, cfg).run(sc.asOf());

            RevenueGapVsCommerce headline = new RevenueGapVsCommerceCard(wh, cfg).compute(p, CardScope.ALL);
            assertThat(headline.commerceRevenue()).isEqualByComparingTo(truth.commerceRevenue());
            assertThat(headline.glRevenue()).isEqualByComparingTo(truth.glRevenue());
            assertThat(headline.gap()).isEqualByComparingTo(truth.gap());
            assertThat(headline.days().stream().map(RevenueGapVsCommerce.Day::gap).reduce(BigDecimal.ZERO, BigDecimal::add))
                    .isEqualByComparingTo(truth.gap());

            assertThat(new CommerceTotalRevenueCard(wh, cfg).compute(p, CardScope.ALL).commerceRevenue())
                    .isEqualByComparingTo(truth.commerceRevenue());
            assertThat(new RevenueBookedIntoGlCard(wh, cfg).compute(p, CardScope.ALL).glRevenue()).isEqualByComparingTo(truth.glRevenue());

            UnmappedOrders unmapped = new UnmappedOrdersCard(wh, cfg).compute(p, CardScope.ALL);
            assertThat(unmapped.total()).isEqualByComparingTo(truth.causeAmount("unmapped_order"));
            assertThat(unmapped.orders()).isEqualTo(truth.causeOrderCount("unmapped_order"));
            unmapped.rows().stream().collect(Collectors.groupingBy(UnmappedOrders.Order::diagnosis,
                    Collectors.reducing(BigDecimal.ZERO, UnmappedOrders.Order::valueRep, BigDecimal::add)))
                    .forEach((d, amount) -> assertThat(amount).as(d).isEqualByComparingTo(truth.diagnosisAmount(d)));

            RevenueByEntity byEntity = new RevenueByEntityCard(wh, cfg).compute(p, CardScope.ALL);
            assertThat(byEntity.entities()).allSatisfy(e -> assertThat(e.identityHolds()).as(e.entity()).isTrue());
            assertThat(byEntity.entities().stream().map(RevenueByEntity.Entity::gap).reduce(BigDecimal.ZERO, BigDecimal::add))
                    .isEqualByComparingTo(truth.gap());
            assertThat(byEntity.entities().stream().map(e -> e.causes().getOrDefault("currency_fx", BigDecimal.ZERO))
                    .reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo(truth.causeAmount("currency_fx"));
        }
    }

    @Test
    void registryListsEveryCardOnce() {
        assertThat(CardRegistry.all()).extracting(CardRegistry.CardInfo::id).doesNotHaveDuplicates().hasSize(7)
                .contains("revenue-gap-vs-commerce", "commerce-total-revenue");
        assertThat(CardRegistry.all()).allSatisfy(c -> assertThat(classExists(c.serviceClass())).as(c.serviceClass()).isTrue());
    }

    private static boolean classExists(String name) {
        try {
            Class.forName(name);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
