package io.tieout.cards.breakdown;

import io.tieout.cards.BadParameterException;
import io.tieout.cards.CardScope;
import io.tieout.cards.GapCause;
import io.tieout.cards.Period;
import io.tieout.config.TieoutConfig;
import io.tieout.sandbox.scenario.DemoCompany;
import io.tieout.sandbox.scenario.Scenario;
import io.tieout.transform.ScenarioWarehouse;
import io.tieout.transform.TransformJob;
import io.tieout.warehouse.duckdb.DuckDbWarehouse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RevenueGapBreakdownCardTest {
    @TempDir static Path dir;
    static DuckDbWarehouse wh;
    static RevenueGapBreakdownCard card;
    static final Period DEMO = new Period(LocalDate.parse("2026-04-02"), LocalDate.parse("2026-05-01"));

    @BeforeAll
    static void demoWarehouse() {
        Scenario demo = DemoCompany.build();
        wh = ScenarioWarehouse.landed(dir, demo);
        TieoutConfig cfg = ScenarioWarehouse.vortexConfig(dir);
        new TransformJob(wh, cfg).run(demo.asOf());
        card = new RevenueGapBreakdownCard(wh, cfg);
    }

    @AfterAll
    static void close() { wh.close(); }

    @Test
    void defaultPeriodIsTheTrailingThirtyDaysOfTheRun() {
        assertThat(card.defaultPeriod()).isEqualTo(DEMO);
        assertThat(card.asOf()).hasToString("2026-05-02T04:00:00Z");
    }

    @Test
    void headlineIsTheSection6Figures() {
        RevenueGapBreakdown b = card.breakdown(DEMO, CardScope.ALL);
        assertThat(b.commerceRevenue()).isEqualByComparingTo("4820400.00");
        assertThat(b.glRevenue()).isEqualByComparingTo("4616800.00");
        assertThat(b.gap()).isEqualByComparingTo("203600.00");
        assertThat(b.gapPct()).isEqualByComparingTo("4.22");
        assertThat(b.thresholdPct()).isEqualByComparingTo("5.00");
        assertThat(b.alertFiring()).isFalse();
        assertThat(b.identityHolds()).isTrue();
        assertThat(b.unexplained()).isEqualByComparingTo("0.00");
    }

    @Test
    void reasonsListEveryCauseInTheOrderOfTheTableWithTheirAmountsAndOrders() {
        RevenueGapBreakdown b = card.breakdown(DEMO, CardScope.ALL);
        assertThat(b.reasons()).extracting(RevenueGapBreakdown.Reason::cause)
                .containsExactlyElementsOf(Arrays.stream(GapCause.values()).map(GapCause::id).toList());
        Map<String, RevenueGapBreakdown.Reason> r = b.reasons().stream()
                .collect(Collectors.toMap(RevenueGapBreakdown.Reason::cause, x -> x));
        assertThat(r.get("unmapped_order").amount()).isEqualByComparingTo("128400.00");
        assertThat(r.get("unmapped_order").orders()).isEqualTo(86);
        assertThat(r.get("unmapped_order").pctOfGap()).isEqualByComparingTo("63.06");
        assertThat(r.get("sync_lag").amount()).isEqualByComparingTo("28200.00");
        assertThat(r.get("refund_timing").amount()).isEqualByComparingTo("22400.00");
        assertThat(r.get("currency_fx").amount()).isEqualByComparingTo("14200.00");
        assertThat(r.get("cancellation_mismatch").amount()).isEqualByComparingTo("10400.00");
        assertThat(r.get("class_attribution").amount()).isEqualByComparingTo("0.00");
        assertThat(r.get("class_attribution").affectedAmount()).isEqualByComparingTo("4600.00");
        assertThat(r.get("class_attribution").orders()).isEqualTo(3);
        assertThat(r.get("unmapped_order").diagnoses())
                .filteredOn(d -> d.orders() > 0)
                .extracting(RevenueGapBreakdown.Diagnosis::diagnosis, RevenueGapBreakdown.Diagnosis::orders, d -> d.amount().toPlainString())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("customer_missing", 52L, "78400.00"),
                        org.assertj.core.groups.Tuple.tuple("item_missing", 22L, "36200.00"),
                        org.assertj.core.groups.Tuple.tuple("entity_routing", 12L, "13800.00"));
    }

    @Test
    void classDrillMovesFortySixHundredFromWholesaleToRetail() {
        assertThat(sum(card.drill(DEMO, CardScope.ALL, "class_attribution", "class", "WHOLESALE"))).isEqualByComparingTo("4600.00");
        assertThat(sum(card.drill(DEMO, CardScope.ALL, "class_attribution", "CLASS", "RETAIL_D2C"))).isEqualByComparingTo("-4600.00");
    }

    @Test
    void drillReachesTheOrderAndItsGlLines() {
        List<GapLine> lines = card.drill(DEMO, CardScope.ALL, "currency_fx", "entity", "VDI-CA");
        assertThat(lines).hasSize(40);
        assertThat(sum(lines)).isEqualByComparingTo("14200.00");
        GapLine first = lines.get(0);
        assertThat(first.orderNumber()).isNotBlank();
        assertThat(first.glLines()).isNotEmpty();
        assertThat(first.glLines()).allSatisfy(g -> assertThat(g.accountNo()).isIn("4000", "4900"));
    }

    @Test
    void unmappedDrillByCustomerListsEveryUnmappedOrderWithItsDiagnosis() {
        List<GapLine> lines = card.drill(DEMO, CardScope.ALL, "unmapped_order", "customer", null);
        assertThat(lines).hasSize(86);
        assertThat(lines).extracting(GapLine::diagnosis).containsOnly("customer_missing", "item_missing", "entity_routing");
        assertThat(lines).allSatisfy(l -> assertThat(l.glLines()).isEmpty());
    }

    @Test
    void anotherPeriodIsComputedOnDemandAndStillTiesOut() {
        RevenueGapBreakdown b = card.breakdown(new Period(LocalDate.parse("2026-04-01"), LocalDate.parse("2026-04-30")), CardScope.ALL);
        assertThat(b.identityHolds()).isTrue();
        BigDecimal sum = b.reasons().stream().map(RevenueGapBreakdown.Reason::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(sum).isEqualByComparingTo(b.gap());
    }

    @Test
    void identityHoldsWithinEachEntityAndEachSource() {
        for (CardScope scope : List.of(new CardScope("VDI-US", null, null), new CardScope("VDI-CA", null, null),
                new CardScope(null, null, "shopify-d2c"), new CardScope(null, "B2B", null))) {
            RevenueGapBreakdown b = card.breakdown(DEMO, scope);
            assertThat(b.identityHolds()).as("identity in %s", scope).isTrue();
            assertThat(b.commerceRevenue().signum()).as("C in %s", scope).isPositive();
        }
        assertThat(card.breakdown(DEMO, new CardScope("VDI-CA", null, null)).reasons())
                .filteredOn(r -> r.cause().equals("currency_fx")).first()
                .satisfies(r -> assertThat(r.amount()).isEqualByComparingTo("14200.00"));
    }

    @Test
    void unknownCauseOrDimensionIsABadParameterThatListsWhatIsAllowed() {
        assertThatThrownBy(() -> card.drill(DEMO, CardScope.ALL, "nope", "class", null))
                .isInstanceOf(BadParameterException.class).hasMessageContaining("unmapped_order");
        assertThatThrownBy(() -> card.drill(DEMO, CardScope.ALL, "sync_lag", "colour", null))
                .isInstanceOf(BadParameterException.class).hasMessageContaining("customer, item, class");
    }

    private static BigDecimal sum(List<GapLine> lines) {
        return lines.stream().map(GapLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
