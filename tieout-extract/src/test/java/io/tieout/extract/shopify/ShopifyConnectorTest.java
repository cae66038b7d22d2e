package io.tieout.extract.shopify;

import io.tieout.extract.ExtractContext;
import io.tieout.extract.RawRecord;
import io.tieout.extract.testing.InMemoryWarehouse;
import io.tieout.sandbox.scenario.CommerceOrder;
import io.tieout.sandbox.scenario.DemoCompany;
import io.tieout.sandbox.scenario.Scenario;
import io.tieout.sandbox.scenario.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static io.tieout.extract.shopify.ShopifyTestKit.SOURCE;
import static org.assertj.core.api.Assertions.assertThat;

class ShopifyConnectorTest {
    private final ShopifyTestKit kit = new ShopifyTestKit();

    @AfterEach
    void stop() {
        kit.close();
    }

    @Test
    void fullExtractOfTheDemoCompanyLandsExactlyTheSimulatorsRecords() {
        Scenario demo = DemoCompany.build();
        List<SourceRecord> shopify = demo.records().stream()
                .filter(r -> r.source().equals(SOURCE) && r.object().equals("orders")).toList();
        kit.startRecords(demo.records(), kit.roomyBucket());
        InMemoryWarehouse wh = new InMemoryWarehouse();
        Instant upper = shopify.stream().map(SourceRecord::updatedAt).max(Instant::compareTo).orElseThrow().plusSeconds(1);

        ExtractContext ctx = kit.run(kit.connector(250), wh, "run-1", upper);

        Map<String, RawRecord> landed = wh.records(SOURCE, "orders");
        assertThat(landed).hasSize(shopify.size());
        for (SourceRecord r : shopify) {
            RawRecord got = landed.get(r.id());
            assertThat(got).as("order %s", r.id()).isNotNull();
            assertThat(got.payload()).as("payload of order %s, byte for byte", r.id()).isEqualTo(r.payload());
            assertThat(got.updatedAt()).isEqualTo(r.updatedAt());
        }
        assertThat(wh.records(SOURCE, "customers")).hasSize(kit.sim.customers().size()).isNotEmpty();
        assertThat(wh.records(SOURCE, "products")).hasSize(kit.sim.products().size()).isNotEmpty();
        for (SourceRecord c : kit.sim.customers()) assertThat(wh.record(SOURCE, "customers", c.id()).orElseThrow().payload()).isEqualTo(c.payload());
        for (SourceRecord p : kit.sim.products()) assertThat(wh.record(SOURCE, "products", p.id()).orElseThrow().payload()).isEqualTo(p.payload());
        assertThat(wh.cursors()).containsEntry(SOURCE + "/orders", upper.minusSeconds(1).toString())
                .containsEntry(SOURCE + "/refunds", upper.toString());
        assertThat(ctx.stats().records()).isEqualTo(shopify.size() + kit.sim.customers().size() + kit.sim.products().size());
        assertThat(ctx.stats().quarantinedCount()).isZero();
    }

    @Test
    void pagesThroughManyPagesInUpdatedAtOrderWithoutGapsOrRepeats() {
        kit.start(ShopifyTestKit.generate(83), kit.roomyBucket());
        InMemoryWarehouse wh = new InMemoryWarehouse();

        ExtractContext ctx = kit.run(kit.connector(new ShopifyConfig(SOURCE, kit.sim.baseUrl(), ShopifyTestKit.TOKEN, null, 7, null)
                .withStreams(Set.of("orders"))), wh, "run-1", kit.upperAfterAll());

        assertThat(ctx.stats().pages()).isEqualTo(12); // 83 = 11 × 7 + 6
        assertThat(wh.results()).hasSize(12);
        assertThat(wh.results()).allSatisfy(r -> assertThat(r.updated() + r.unchanged()).isZero());
        assertThat(wh.inserted()).isEqualTo(83);
        assertThat(wh.records(SOURCE, "orders").keySet()).isEqualTo(kit.orders.keySet());
        for (CommerceOrder o : kit.orders.values()) {
            assertThat(wh.record(SOURCE, "orders", o.id()).orElseThrow().payload()).isEqualTo(ShopifyTestKit.record(o).payload());
        }
        Instant newest = kit.orders.values().stream().map(CommerceOrder::updatedAt).max(Instant::compareTo).orElseThrow();
        assertThat(wh.cursor(SOURCE, "orders")).contains(newest.toString());
        assertThat(kit.progress).hasSize(12).allSatisfy(line -> assertThat(line).startsWith(SOURCE + " orders: page "));
    }

    @Test
    void aSecondRunWithNoChangesLandsNothingNewAndTheCursorsStay() {
        kit.start(ShopifyTestKit.generate(40), kit.roomyBucket());
        InMemoryWarehouse wh = new InMemoryWarehouse();
        ShopifyConnector connector = kit.connector(10);
        Instant upper = kit.upperAfterAll();
        kit.run(connector, wh, "run-1", upper);
        Map<InMemoryWarehouse.Key, RawRecord> before = wh.records();
        Map<String, String> cursorsBefore = wh.cursors();
        int calls = wh.results().size();

        ExtractContext second = kit.run(connector, wh, "run-2", upper.plus(Duration.ofHours(1)));

        List<io.tieout.extract.LandingSink.LandingResult> secondRun = wh.results().subList(calls, wh.results().size());
        assertThat(secondRun).allSatisfy(r -> assertThat(r.inserted() + r.updated()).isZero());
        assertThat(wh.records()).isEqualTo(before);
        // Orders and customers/products stay at their newest record; the event-log cursor moves to the run's bound.
        assertThat(wh.cursors()).containsEntry(SOURCE + "/orders", cursorsBefore.get(SOURCE + "/orders"))
                .containsEntry(SOURCE + "/customers", cursorsBefore.get(SOURCE + "/customers"))
                .containsEntry(SOURCE + "/products", cursorsBefore.get(SOURCE + "/products"));
        // Only the look-back overlap was re-read: the newest order(s), not the history.
        assertThat(second.stats().records()).isLessThan(10);
    }

    @Test
    void anOrderEditedBetweenRunsIsReReadAndTheOverlapDoesNotDuplicate() {
        List<CommerceOrder> orders = ShopifyTestKit.generate(30);
        kit.start(orders, kit.roomyBucket());
        InMemoryWarehouse wh = new InMemoryWarehouse();
        ShopifyConnector connector = kit.connector(8);
        Instant upper1 = kit.upperAfterAll();
        kit.run(connector, wh, "run-1", upper1);
        Instant cursor1 = Instant.parse(wh.cursor(SOURCE, "orders").orElseThrow());

        // An old order edited after run 1; and an order updated just inside the look-back of the cursor.
        CommerceOrder old = orders.get(2);
        CommerceOrder edited = kit.withUpdatedAt(old, upper1.plus(Duration.ofMinutes(5)), "VD-EDITED");
        kit.put(edited);
        CommerceOrder boundary = kit.withUpdatedAt(orders.get(20), cursor1.minus(Duration.ofMinutes(3)), "VD-BOUNDARY");
        kit.put(boundary);

        ExtractContext second = kit.run(connector, wh, "run-2", upper1.plus(Duration.ofHours(1)));

        assertThat(wh.records(SOURCE, "orders")).hasSize(30);
        assertThat(wh.record(SOURCE, "orders", old.id()).orElseThrow().payload()).contains("VD-EDITED");
        assertThat(wh.record(SOURCE, "orders", old.id()).orElseThrow().updatedAt()).isEqualTo(edited.updatedAt());
        assertThat(wh.record(SOURCE, "orders", boundary.id()).orElseThrow().payload()).contains("VD-BOUNDARY");
        assertThat(wh.cursor(SOURCE, "orders")).contains(edited.updatedAt().toString());
        // Re-read: the edit, the boundary order, and the newest orders inside the overlap; nothing duplicated.
        assertThat(second.stats().records()).isGreaterThanOrEqualTo(3);
        assertThat(wh.results().stream().mapToLong(r -> r.inserted()).sum()).isEqualTo(wh.records().size());
    }

    @Test
    void anOrderChangedWhilePagingIsReadInThisRunOrTheNextNeverSkipped() {
        List<CommerceOrder> orders = ShopifyTestKit.generate(30);
        kit.start(orders, kit.roomyBucket());
        InMemoryWarehouse wh = new InMemoryWarehouse();
        ShopifyConnector connector = kit.connector(new ShopifyConfig(SOURCE, kit.sim.baseUrl(), ShopifyTestKit.TOKEN, null, 5, null)
                .withStreams(Set.of("orders", "refunds")));
        Instant upper1 = kit.upperAfterAll();
        CommerceOrder first = orders.get(1);   // on page 1: already read when the hook runs
        CommerceOrder second = orders.get(3);  // on page 1 too
        CommerceOrder later = orders.get(12);  // on page 3: not yet read
        CommerceOrder movedInside = kit.withUpdatedAt(first, upper1.minus(Duration.ofMinutes(1)), "VD-MOVED-INSIDE");
        CommerceOrder movedOutside = kit.withUpdatedAt(second, upper1.plus(Duration.ofMinutes(30)), "VD-MOVED-OUTSIDE");
        CommerceOrder movedAhead = kit.withUpdatedAt(later, upper1.plus(Duration.ofMinutes(40)), "VD-MOVED-AHEAD");
        kit.sim.faults().afterPage(1, page -> {
            kit.put(movedInside);
            kit.put(movedOutside);
            kit.put(movedAhead);
        });

        kit.run(connector, wh, "run-1", upper1);
        assertThat(wh.record(SOURCE, "orders", first.id()).orElseThrow().payload()).contains("VD-MOVED-INSIDE");
        kit.run(connector, wh, "run-2", upper1.plus(Duration.ofHours(1)));

        assertThat(wh.records(SOURCE, "orders")).hasSize(30);
        assertThat(wh.record(SOURCE, "orders", second.id()).orElseThrow().payload()).contains("VD-MOVED-OUTSIDE");
        assertThat(wh.record(SOURCE, "orders", later.id()).orElseThrow().payload()).contains("VD-MOVED-AHEAD");
        for (CommerceOrder o : kit.orders.values()) {
            assertThat(wh.record(SOURCE, "orders", o.id()).orElseThrow().payload()).as("order %s", o.id())
                    .isEqualTo(ShopifyTestKit.record(o).payload());
        }
    }

    @Test
    void malformedRecordsDoNotStopTheBatch() {
        List<CommerceOrder> orders = ShopifyTestKit.generate(20);
        kit.start(orders, kit.roomyBucket());
        String badMoneyId = orders.get(4).id();
        String badMoney = ShopifyTestKit.record(orders.get(4)).payload().replaceFirst("\"amount\":\"[0-9.]+\"", "\"amount\":\"abc\"");
        String noDateId = orders.get(9).id();
        String noDate = ShopifyTestKit.record(orders.get(9)).payload().replaceFirst("\"updatedAt\":\"[^\"]+\"", "\"updatedAt\":\"yesterday\"");
        kit.sim.faults()
                .malform("orders", badMoneyId, badMoney)
                .malform("orders", noDateId, noDate)
                .malform("orders", orders.get(11).id(), "{\"name\":\"#no-id\",\"note\":\"no id, no updatedAt\"}")
                .malform("orders", orders.get(13).id(), "\"not an object\"");
        InMemoryWarehouse wh = new InMemoryWarehouse();

        ExtractContext ctx = kit.run(kit.connector(new ShopifyConfig(SOURCE, kit.sim.baseUrl(), ShopifyTestKit.TOKEN, null, 6, null)
                .withStreams(Set.of("orders"))), wh, "run-1", kit.upperAfterAll());

        Map<String, RawRecord> landed = wh.records(SOURCE, "orders");
        assertThat(landed).hasSize(20);
        assertThat(landed.get(badMoneyId).payload()).isEqualTo(badMoney).contains("\"amount\":\"abc\"");
        assertThat(landed.get(noDateId).payload()).isEqualTo(noDate);
        assertThat(landed.get(noDateId).updatedAt()).isEqualTo(Instant.EPOCH);
        List<String> unparsed = landed.keySet().stream().filter(id -> id.startsWith("unparsed-")).toList();
        assertThat(unparsed).hasSize(2);
        assertThat(unparsed.stream().map(id -> landed.get(id).payload()).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("{\"name\":\"#no-id\",\"note\":\"no id, no updatedAt\"}", "\"not an object\"");
        assertThat(ctx.stats().records()).isEqualTo(20);
        assertThat(kit.progress).anySatisfy(l -> assertThat(l).contains("unmappable node(s) landed for staging to quarantine"));
        Instant newest = orders.stream().map(CommerceOrder::updatedAt).max(Instant::compareTo).orElseThrow();
        assertThat(wh.cursor(SOURCE, "orders")).contains(newest.toString());
    }

    @Test
    void aRefundOnAnOldOrderIsCaughtEvenWhenTheOrdersUpdatedAtDoesNotMove() {
        List<CommerceOrder> orders = ShopifyTestKit.generate(30);
        kit.start(orders, kit.roomyBucket());
        InMemoryWarehouse wh = new InMemoryWarehouse();
        InMemoryWarehouse ordersOnly = new InMemoryWarehouse();
        ShopifyConnector connector = kit.connector(10);
        ShopifyConnector withoutRefunds = kit.connector(kit.config(10).withStreams(Set.of("orders")));
        Instant upper1 = kit.upperAfterAll();
        kit.run(connector, wh, "run-1", upper1);
        kit.run(withoutRefunds, ordersOnly, "run-1", upper1);

        // Weeks later a refund is issued on order 0; Shopify (here) leaves the order's updatedAt alone.
        CommerceOrder old = orders.get(0);
        Instant refundAt = upper1.plus(Duration.ofDays(20));
        CommerceOrder refunded = old.withRefund(new CommerceOrder.Refund("8999999", refundAt, new BigDecimal("35.00")), old.updatedAt());
        kit.put(refunded);
        Instant upper2 = refundAt.plus(Duration.ofMinutes(15));

        ExtractContext second = kit.run(connector, wh, "run-2", upper2);
        kit.run(withoutRefunds, ordersOnly, "run-2", upper2);

        RawRecord got = wh.record(SOURCE, "orders", old.id()).orElseThrow();
        assertThat(got.payload()).isEqualTo(ShopifyTestKit.record(refunded).payload()).contains("gid://shopify/Refund/8999999");
        assertThat(got.updatedAt()).as("the version is the refund's time, so it replaces the older copy").isEqualTo(refundAt);
        assertThat(wh.cursor(SOURCE, "refunds")).contains(upper2.toString());
        assertThat(second.stats().records()).isLessThan(10);
        // The same extract without the refunds stream misses it: the orders' updated_at never moved.
        assertThat(ordersOnly.record(SOURCE, "orders", old.id()).orElseThrow().payload()).doesNotContain("gid://shopify/Refund/8999999");
    }

    @Test
    void aRefundFoundByTheEventLogSurvivesACrashBetweenItsPages() {
        List<CommerceOrder> orders = ShopifyTestKit.generate(30);
        kit.start(orders, kit.roomyBucket());
        InMemoryWarehouse wh = new InMemoryWarehouse();
        ShopifyConnector connector = kit.connector(kit.config(2).withStreams(Set.of("orders", "refunds")));
        Instant upper1 = kit.upperAfterAll();
        kit.run(connector, wh, "run-1", upper1);
        Instant refundAt = upper1.plus(Duration.ofDays(3));
        for (int i = 0; i < 5; i++) {
            CommerceOrder o = kit.orders.get(orders.get(i).id());
            kit.put(o.withRefund(new CommerceOrder.Refund("870000" + i, refundAt.plusSeconds(i), new BigDecimal("1.00")), o.updatedAt()));
        }
        Instant upper2 = refundAt.plus(Duration.ofHours(1));
        // Orders: one look-back page; then the event log in pages of 2: crash on its second commit.
        wh.failOnLandCall(3);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> kit.run(connector, wh, "run-2", upper2))
                .isInstanceOf(InMemoryWarehouse.SimulatedCrash.class);
        kit.run(connector, wh, "run-3", upper2);

        for (int i = 0; i < 5; i++) {
            assertThat(wh.record(SOURCE, "orders", orders.get(i).id()).orElseThrow().payload()).contains("gid://shopify/Refund/870000" + i);
        }
        assertThat(wh.cursor(SOURCE, "refunds")).contains(upper2.toString());
    }
}
