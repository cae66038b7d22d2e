package io.tieout.cards.unmapped;

import io.tieout.cards.CardScope;
import io.tieout.cards.DemoFixture;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;
import java.util.stream.Collectors;

import static io.tieout.cards.DemoFixture.DEMO;
import static org.assertj.core.api.Assertions.assertThat;

class UnmappedOrdersCardTest {
    private final UnmappedOrdersCard card = new UnmappedOrdersCard(DemoFixture.warehouse(), DemoFixture.config());

    @Test
    void eightySixOrdersWithTheSection6Diagnoses() {
        UnmappedOrders r = card.compute(DEMO, CardScope.ALL);
        assertThat(r.rows()).hasSize(86);
        assertThat(r.orders()).isEqualTo(86);
        assertThat(r.total()).isEqualByComparingTo("128400.00");
        Map<String, Long> counts = r.rows().stream().collect(Collectors.groupingBy(UnmappedOrders.Order::diagnosis, Collectors.counting()));
        assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of("customer_missing", 52L, "item_missing", 22L, "entity_routing", 12L));
        Map<String, BigDecimal> amounts = r.rows().stream().collect(Collectors.groupingBy(UnmappedOrders.Order::diagnosis,
                Collectors.reducing(BigDecimal.ZERO, UnmappedOrders.Order::valueRep, BigDecimal::add)));
        assertThat(amounts.get("customer_missing")).isEqualByComparingTo("78400.00");
        assertThat(amounts.get("item_missing")).isEqualByComparingTo("36200.00");
        assertThat(amounts.get("entity_routing")).isEqualByComparingTo("13800.00");
    }

    @Test
    void everyRowCarriesTheOrderItsValuesAndTheRecovery() {
        UnmappedOrders r = card.compute(DEMO, CardScope.ALL);
        assertThat(r.rows()).allSatisfy(o -> {
            assertThat(o.source()).isIn("shopify-d2c", "bigcommerce-b2b");
            assertThat(o.orderNumber()).isNotBlank();
            assertThat(o.orderDate()).isBetween(DEMO.from(), DEMO.to());
            assertThat(o.transactionCurrency()).isNotBlank();
            assertThat(o.revenueTrx().signum()).isPositive();
            assertThat(o.customer()).isNotBlank();
            assertThat(o.action()).isNotBlank();
            assertThat(o.owningDimension()).isNotBlank();
        });
        assertThat(r.rows()).filteredOn(o -> o.diagnosis().equals("customer_missing"))
                .allSatisfy(o -> assertThat(o.owningDimension()).isEqualTo("Customer"));
        assertThat(r.rows().get(0).valueRep()).isGreaterThanOrEqualTo(r.rows().get(85).valueRep());
    }
}
