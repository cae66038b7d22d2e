package io.tieout.extract.bigcommerce;

import io.tieout.extract.RawRecord;
import io.tieout.sandbox.bigcommerce.BigCommerceSimulator;
import io.tieout.sandbox.scenario.DemoCompany;
import io.tieout.sandbox.scenario.SourceRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class BigCommerceConnectorTest {
    static final Instant UPPER = Instant.parse("2026-05-20T00:00:00Z");

    @Test
    void fullExtractOfTheDemoStoreEqualsTheSimulatorsRecords() {
        List<SourceRecord> demo = new ArrayList<>(BigCommerceSimulator.recordsOf(DemoCompany.build().records(), Store.SOURCE));
        // the demo's BigCommerce orders have no refunds: give three of them one each
        List<String> refunded = demo.stream().filter(r -> r.object().equals("orders")).limit(3).map(SourceRecord::id).toList();
        for (String id : refunded) {
            Instant at = demo.stream().filter(r -> r.object().equals("orders") && r.id().equals(id)).findFirst().orElseThrow()
                    .updatedAt().plus(Duration.ofDays(3));
            demo.add(Store.refundRecord(Long.parseLong(id), 1, Store.refund(Long.parseLong(id), 1, at, "30.00")));
        }
        Instant upper = demo.stream().map(SourceRecord::updatedAt).max(Instant::compareTo).orElseThrow().plusSeconds(60);
        try (Rig rig = new Rig(demo)) {
            InMemorySink sink = new InMemorySink();
            Rig.Run run = rig.run(sink, upper);

            Map<InMemorySink.Key, RawRecord> expected = rig.expected();
            assertThat(sink.records()).hasSameSizeAs(expected);
            assertThat(sink.records()).isEqualTo(expected); // payloads byte for byte, as served
            Map<String, Long> byObject = sink.records().keySet().stream()
                    .collect(Collectors.groupingBy(InMemorySink.Key::object, Collectors.counting()));
            assertThat(byObject.get("orders")).isGreaterThan(250);
            assertThat(byObject.get("order_products")).isGreaterThan(byObject.get("orders"));
            assertThat(byObject.get("refunds")).isEqualTo(3);
            assertThat(run.stats().quarantinedCount()).isZero();
            assertThat(run.stats().records()).isEqualTo(expected.size());
            assertThat(sink.cursors()).containsKeys(Store.SOURCE + "/orders", Store.SOURCE + "/refunds").doesNotContainKey(Store.SOURCE + "/orders_deleted");
            Instant newestOrder = expected.values().stream().filter(r -> r.object().equals("orders"))
                    .map(RawRecord::updatedAt).max(Instant::compareTo).orElseThrow();
            assertThat(sink.cursors()).containsEntry(Store.SOURCE + "/orders", newestOrder.toString());
            assertThat(run.progress()).anyMatch(l -> l.startsWith(Store.SOURCE + " orders page 1: 250 orders"));
        }
    }

    @Test
    void ordersArePagedOldestChangeFirstWithinTheRunsUpperBound() {
        List<SourceRecord> store = Store.orders(23, 2);
        try (Rig rig = new Rig(store)) {
            rig.config(rig.config.withPageSize(5));
            InMemorySink sink = new InMemorySink();
            Rig.Run run = rig.run(sink, UPPER);

            assertThat(sink.records()).isEqualTo(rig.expected());
            List<BigCommerceSimulator.Request> listing = rig.sim.requests().stream()
                    .filter(r -> r.path().equals("/v2/orders") && !r.query().containsKey("is_deleted")).toList();
            // min_date_modified is inclusive: each page starts with the last order of the one before, dropped
            assertThat(listing).hasSize(6);
            assertThat(listing).allSatisfy(r -> {
                assertThat(r.query()).containsEntry("sort", "date_modified:asc").containsEntry("limit", "5")
                        .containsEntry("max_date_modified", Rig.rfc2822(UPPER));
                assertThat(r.status()).isEqualTo(200);
            });
            assertThat(listing.get(0).query()).containsEntry("min_date_modified", Rig.rfc2822(Instant.EPOCH));
            // each page starts at the newest change already read: the 5th order's date_modified
            assertThat(listing.get(1).query()).containsEntry("min_date_modified",
                    Rig.rfc2822(Store.T0.plus(Duration.ofHours(4)).plus(Duration.ofMinutes(10))));
            long orderCommits = sink.landed().stream().filter(l -> l.advance() != null && l.advance().stream().equals("orders")).count();
            assertThat(orderCommits).isEqualTo(6);
            assertThat(run.progress().stream().filter(l -> l.contains(" orders page ")).count()).isEqualTo(6);
            assertThat(run.stats().pages()).isGreaterThanOrEqualTo(6 + 23);
        }
    }

    @Test
    void productsOfAnOrderSpanningSeveralPagesAreAllLandedInTheOrdersCommit() {
        List<SourceRecord> store = new ArrayList<>(Store.orders(3, 1));
        store.addAll(Store.order(5000, Store.T0, Store.T0.plusSeconds(30), 600, List.of()));
        try (Rig rig = new Rig(store)) {
            InMemorySink sink = new InMemorySink();
            rig.run(sink, UPPER);

            assertThat(sink.records()).isEqualTo(rig.expected());
            assertThat(sink.records().keySet().stream().filter(k -> k.object().equals("order_products") && k.id().startsWith("5000")))
                    .hasSize(600);
            List<BigCommerceSimulator.Request> pages = rig.sim.requests().stream()
                    .filter(r -> r.path().equals("/v2/orders/5000/products")).toList();
            assertThat(pages).extracting(r -> r.query().get("page")).containsExactly("1", "2", "3");
            assertThat(pages).allSatisfy(r -> assertThat(r.query()).containsEntry("limit", "250"));
            InMemorySink.Landed commit = sink.landed().stream()
                    .filter(l -> l.batch().stream().anyMatch(r -> r.object().equals("orders") && r.id().equals("5000"))).findFirst().orElseThrow();
            assertThat(commit.batch().stream().filter(r -> r.object().equals("order_products") && r.id().startsWith("5000"))).hasSize(600);
            assertThat(commit.advance()).isNotNull();
        }
    }

    @Test
    void aSecondRunWithNoChangesLandsNothingNew() {
        try (Rig rig = new Rig(Store.orders(12, 2))) {
            InMemorySink sink = new InMemorySink();
            rig.run(sink, UPPER);
            Map<InMemorySink.Key, RawRecord> after1 = sink.records();
            Map<String, String> cursors1 = sink.cursors();
            int lands1 = sink.landed().size();

            rig.run(sink, UPPER.plus(Duration.ofDays(1)));

            List<InMemorySink.Landed> second = sink.landed().subList(lands1, sink.landed().size());
            assertThat(second).allSatisfy(l -> {
                assertThat(l.result().inserted()).isZero();
                assertThat(l.result().updated()).isZero();
            });
            assertThat(sink.records()).isEqualTo(after1);
            assertThat(sink.cursors()).isEqualTo(cursors1);
        }
    }

    @Test
    void anOrderEditedBetweenRunsIsReReadWithItsLines() {
        try (Rig rig = new Rig(Store.orders(8, 2))) {
            InMemorySink sink = new InMemorySink();
            rig.run(sink, UPPER);
            Instant edited = UPPER.plus(Duration.ofHours(2));
            rig.sim.editOrder("1003", edited, n -> n.put("shipping_cost_ex_tax", "19.5000"));

            Instant upper2 = UPPER.plus(Duration.ofDays(1));
            rig.run(sink, upper2);

            RawRecord order = sink.get(Store.SOURCE, "orders", "1003").orElseThrow();
            assertThat(order.updatedAt()).isEqualTo(edited);
            assertThat(order.payload()).contains("\"shipping_cost_ex_tax\":\"19.5000\"");
            assertThat(sink.get(Store.SOURCE, "order_products", "1003001").orElseThrow().updatedAt()).isEqualTo(edited);
            assertThat(sink.records()).isEqualTo(rig.expected());
            assertThat(sink.cursors()).containsEntry(Store.SOURCE + "/orders", edited.toString());
        }
    }

    @Test
    void theLookBackOverlapReReadsWithoutDuplicating() {
        try (Rig rig = new Rig(Store.orders(24, 1))) {
            rig.config(rig.config.withLookBack(Duration.ofHours(6)).withPageSize(10));
            InMemorySink sink = new InMemorySink();
            rig.run(sink, UPPER);
            Instant cursor = Instant.parse(sink.cursors().get(Store.SOURCE + "/orders"));
            int lands1 = sink.landed().size();
            int requests1 = rig.sim.requests().size();

            rig.run(sink, UPPER.plus(Duration.ofDays(1)));

            BigCommerceSimulator.Request first = rig.sim.requests().subList(requests1, rig.sim.requests().size()).stream()
                    .filter(r -> r.path().equals("/v2/orders")).findFirst().orElseThrow();
            assertThat(first.query()).containsEntry("min_date_modified", Rig.rfc2822(cursor.minus(Duration.ofHours(6))));
            List<InMemorySink.Landed> second = sink.landed().subList(lands1, sink.landed().size());
            long reRead = second.stream().filter(l -> l.batch().stream().anyMatch(r -> r.object().equals("orders")))
                    .mapToLong(l -> l.result().unchanged()).sum();
            assertThat(reRead).as("orders and lines of the last 6 hours re-read").isEqualTo(7 * 2);
            assertThat(second).allSatisfy(l -> assertThat(l.result().inserted() + l.result().updated()).isZero());
            assertThat(sink.records()).isEqualTo(rig.expected());
        }
    }

    @Test
    void aRefundOnAnOldOrderWhoseDateModifiedDidNotMoveIsLanded() {
        try (Rig rig = new Rig(Store.orders(6, 1))) {
            InMemorySink sink = new InMemorySink();
            rig.run(sink, UPPER);
            String orderBefore = sink.get(Store.SOURCE, "orders", "1002").orElseThrow().payload();

            Instant refundedAt = UPPER.plus(Duration.ofHours(3));
            SourceRecord refund = Store.refundRecord(1002, 1, Store.refund(1002, 7, refundedAt, "18.00"));
            rig.sim.put(refund); // the order itself is untouched: its date_modified stays where it was
            rig.run(sink, UPPER.plus(Duration.ofDays(1)));

            RawRecord landed = sink.get(Store.SOURCE, "refunds", refund.id()).orElseThrow();
            assertThat(landed.payload()).isEqualTo(refund.payload());
            assertThat(landed.updatedAt()).isEqualTo(refundedAt);
            assertThat(sink.get(Store.SOURCE, "orders", "1002").orElseThrow().payload()).isEqualTo(orderBefore);
            assertThat(sink.cursors()).containsEntry(Store.SOURCE + "/refunds", refundedAt.toString());
            assertThat(sink.records()).isEqualTo(rig.expected());
        }
    }

    @Test
    void aCancellationAfterTheFirstSyncIsPickedUp() {
        try (Rig rig = new Rig(Store.orders(6, 1))) {
            InMemorySink sink = new InMemorySink();
            rig.run(sink, UPPER);
            assertThat(Rig.field(sink.get(Store.SOURCE, "orders", "1005").orElseThrow().payload(), "status_id")).isEqualTo("10");

            rig.sim.cancelOrder("1005", UPPER.plus(Duration.ofHours(1)));
            rig.run(sink, UPPER.plus(Duration.ofDays(1)));

            RawRecord order = sink.get(Store.SOURCE, "orders", "1005").orElseThrow();
            assertThat(Rig.field(order.payload(), "status_id")).isEqualTo("5");
            assertThat(order.updatedAt()).isEqualTo(UPPER.plus(Duration.ofHours(1)));
            assertThat(sink.records()).isEqualTo(rig.expected());
        }
    }

    @Test
    void anArchivedOrderIsPickedUpByTheDeletedStream() {
        try (Rig rig = new Rig(Store.orders(6, 1))) {
            InMemorySink sink = new InMemorySink();
            rig.run(sink, UPPER);
            assertThat(sink.cursors()).doesNotContainKey(Store.SOURCE + "/orders_deleted");

            Instant archived = UPPER.plus(Duration.ofHours(1));
            rig.sim.archiveOrder("1005", archived);
            rig.run(sink, UPPER.plus(Duration.ofDays(1)));

            RawRecord order = sink.get(Store.SOURCE, "orders", "1005").orElseThrow();
            assertThat(Rig.field(order.payload(), "is_deleted")).isEqualTo("true");
            assertThat(sink.cursors()).containsEntry(Store.SOURCE + "/orders_deleted", archived.toString());
            assertThat(rig.sim.requests()).anySatisfy(r -> assertThat(r.query()).containsEntry("is_deleted", "true"));
            assertThat(sink.records()).isEqualTo(rig.expected());
        }
    }

    @Test
    void malformedRecordsDoNotStopTheBatch() {
        try (Rig rig = new Rig(Store.orders(8, 2))) {
            rig.config(rig.config.withPageSize(3));
            rig.sim.faults()
                    .malform("orders", "1002", "{\"id\":1002,\"date_modified\":\"yesterday\",\"status_id\":10}")
                    .malform("order_products", "1005002", "{\"order_id\":1005,\"sku\":\"VX-2\"}")
                    .malform("refunds", "10041", "{\"id\":10041,\"order_id\":1004,\"created\":\"2026-04-02T12:00:00Z\",\"total_amount\":\"lots\"}");
            InMemorySink sink = new InMemorySink();
            Rig.Run run = rig.run(sink, UPPER);

            assertThat(run.stats().quarantinedCount()).isEqualTo(2);
            assertThat(run.connector().quarantined()).extracting(BigCommerceConnector.Quarantined::reason).containsExactly(
                    "order 1002: date_modified 'yesterday' is not an RFC-2822 date",
                    "a product line of order 1005 without an id");
            assertThat(run.progress()).anyMatch(l -> l.contains("orders: not landed, quarantined: order 1002: date_modified 'yesterday'"));
            // not landed: the order it could not date, and the line without an id; its sibling lines are
            assertThat(sink.get(Store.SOURCE, "orders", "1002")).isEmpty();
            assertThat(sink.get(Store.SOURCE, "order_products", "1002001")).isEmpty();
            assertThat(sink.get(Store.SOURCE, "order_products", "1005002")).isEmpty();
            assertThat(sink.get(Store.SOURCE, "order_products", "1005001")).isPresent();
            // keyed and dated: landed untouched, for staging to quarantine with its reason
            assertThat(sink.get(Store.SOURCE, "refunds", "10041").orElseThrow().payload()).contains("\"total_amount\":\"lots\"");
            Map<InMemorySink.Key, RawRecord> expected = new java.util.HashMap<>(rig.expected());
            expected.remove(new InMemorySink.Key(Store.SOURCE, "orders", "1002"));
            expected.remove(new InMemorySink.Key(Store.SOURCE, "order_products", "1002001"));
            expected.remove(new InMemorySink.Key(Store.SOURCE, "order_products", "1002002"));
            expected.remove(new InMemorySink.Key(Store.SOURCE, "order_products", "1005002"));
            expected.remove(new InMemorySink.Key(Store.SOURCE, "refunds", "10041"));
            Map<InMemorySink.Key, RawRecord> landed = new java.util.HashMap<>(sink.records());
            landed.remove(new InMemorySink.Key(Store.SOURCE, "refunds", "10041"));
            assertThat(landed).isEqualTo(expected);
            assertThat(sink.cursors()).containsEntry(Store.SOURCE + "/orders",
                    Store.T0.plus(Duration.ofHours(7)).plus(Duration.ofMinutes(10)).toString());
        }
    }

    @Test
    void anOrderChangedWhilePagingIsNotLost() {
        try (Rig rig = new Rig(Store.orders(20, 1))) {
            rig.config(rig.config.withPageSize(5));
            // After page 1 is served, two of its orders change: one within this run's window (it moves to
            // the end of the listing, shifting every later order up one place), one after the upper bound.
            Instant inWindow = UPPER.minus(Duration.ofHours(1));
            Instant later = UPPER.plus(Duration.ofHours(1));
            rig.sim.faults().afterPage(1, p -> {
                rig.sim.editOrder("1002", inWindow, n -> n.put("staff_notes", "address corrected"));
                rig.sim.editOrder("1004", later, n -> n.put("staff_notes", "re-priced"));
            });
            InMemorySink sink = new InMemorySink();
            rig.run(sink, UPPER);

            // run 1 missed no order: offset paging would have skipped 1006 and 1007, shifted onto page 1
            assertThat(sink.records().keySet().stream().filter(k -> k.object().equals("orders"))).hasSize(20);
            assertThat(sink.get(Store.SOURCE, "orders", "1002").orElseThrow().updatedAt()).isEqualTo(inWindow);
            assertThat(sink.get(Store.SOURCE, "orders", "1004").orElseThrow().payload()).doesNotContain("re-priced");

            rig.run(sink, UPPER.plus(Duration.ofDays(1)));
            assertThat(sink.get(Store.SOURCE, "orders", "1004").orElseThrow().payload()).contains("re-priced");
            assertThat(sink.records()).isEqualTo(rig.expected());
        }
    }

    @Test
    void aRefundMadeWhileRefundsArePagedIsLandedAndMovesTheCursorOnlyAtTheEnd() {
        List<SourceRecord> store = new ArrayList<>(Store.orders(4, 1));
        for (int k = 1; k <= 7; k++) store.add(Store.refundRecord(1001, 1, Store.refund(1001, k, Store.T0.plus(Duration.ofHours(k)), "3.00")));
        try (Rig rig = new Rig(store)) {
            rig.config(rig.config.withPageSize(3));
            // listing pages served: orders (2), archived orders (1), then refunds: after the first refunds page
            Instant made = UPPER.minus(Duration.ofMinutes(1));
            SourceRecord late = Store.refundRecord(1003, 1, Store.refund(1003, 9, made, "8.00"));
            rig.sim.faults().afterPage(4, p -> rig.sim.put(late));
            InMemorySink sink = new InMemorySink();
            Rig.Run run = rig.run(sink, UPPER);

            assertThat(sink.get(Store.SOURCE, "refunds", late.id())).isPresent();
            List<InMemorySink.Landed> refundCommits = sink.landed().stream()
                    .filter(l -> l.batch().stream().anyMatch(r -> r.object().equals("refunds"))).toList();
            assertThat(refundCommits).hasSize(3); // 3 + 3 + 2, the late one last (highest id)
            assertThat(refundCommits.subList(0, 2)).allSatisfy(l -> assertThat(l.advance()).isNull());
            assertThat(refundCommits.get(2).advance().cursor()).isEqualTo(made.toString());
            assertThat(run.progress()).anyMatch(l -> l.contains("refunds page 1: 3 refunds") && l.endsWith("(moves after the last page)"));
            assertThat(sink.records()).isEqualTo(rig.expected());
        }
    }

    @Test
    void withoutItsOwnLookBackTheConnectorUsesTheRunsLookBack() {
        try (Rig rig = new Rig(Store.orders(5, 1))) {
            rig.config(rig.config.withLookBack(null));
            InMemorySink sink = new InMemorySink();
            rig.run(sink, UPPER);
            Instant cursor = Instant.parse(sink.cursors().get(Store.SOURCE + "/orders"));
            int before = rig.sim.requests().size();

            rig.run(sink, UPPER); // the rig's runs look back 5 minutes

            BigCommerceSimulator.Request first = rig.sim.requests().get(before);
            assertThat(first.path()).isEqualTo("/v2/orders");
            assertThat(first.query()).containsEntry("min_date_modified", Rig.rfc2822(cursor.minus(Duration.ofMinutes(5))));
        }
    }
}
