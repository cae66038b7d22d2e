package io.tieout.api.conformance;

import io.tieout.config.TieoutConfig;
import io.tieout.extract.ExtractContext;
import io.tieout.extract.RawRecord;
import io.tieout.extract.SourceConnector;
import io.tieout.sandbox.scenario.CausePlanter;
import io.tieout.sandbox.scenario.CommerceOrder;
import io.tieout.sandbox.scenario.CommerceOrder.Platform;
import io.tieout.sandbox.scenario.CompanyBuilder;
import io.tieout.sandbox.scenario.CompanySettings;
import io.tieout.sandbox.scenario.FxCurve;
import io.tieout.sandbox.scenario.Scenario;
import io.tieout.sandbox.scenario.SourceRecord;
import io.tieout.sandbox.sim.FaultPlan;
import io.tieout.transform.ScenarioWarehouse;
import io.tieout.transform.TransformJob;
import io.tieout.warehouse.duckdb.DuckDbLandingSink;
import io.tieout.warehouse.duckdb.DuckDbWarehouse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What every commerce connector must get right, whatever its platform (Trino's BaseJdbcConnectorTest
 * pattern): each case builds a tiny company with {@link CompanyBuilder}/{@link CausePlanter}, serves
 * the platform's records through its simulator, runs the connector through a real
 * {@link DuckDbLandingSink} into a temp warehouse (once, or twice with the store changing between
 * runs), runs the transform, and checks what staging/intermediate show and that C equals the
 * builder's truth to the cent. A subclass supplies the simulator and the connector; a case that
 * cannot apply to a platform is opted out in {@link #hasBehavior} with the reason.
 */
abstract class CommerceConnectorConformanceTest {
    /** The first run's upper bound: events after it are only seen by the second run. */
    static final Instant FIRST_RUN = Instant.parse("2026-04-25T00:00:00Z");
    static final Instant BETWEEN_RUNS = Instant.parse("2026-04-27T15:00:00Z");

    enum Behavior {
        TEST_ORDERS, DELETED_ORDERS
    }

    /** A running simulator of one store, as a case drives it. */
    interface Store extends AutoCloseable {
        String baseUrl();

        FaultPlan faults();

        /** Adds or replaces records (the store's data changed). */
        void put(List<SourceRecord> records);

        /** Deletes (archives) an order at {@code at}, the platform's way. */
        void delete(CommerceOrder o, Instant at);

        @Override
        void close();
    }

    protected abstract Platform platform();

    /** Starts the platform's simulator serving {@code records} (all of this platform's source). */
    protected abstract Store start(List<SourceRecord> records);

    protected abstract SourceConnector connector(Store store, int pageSize);

    /** Whether a case applies to the platform; a subclass answers false with the reason in a comment. */
    protected boolean hasBehavior(Behavior behavior) {
        return true;
    }

    @TempDir Path dir;
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open) c.close();
    }

    // ---------------------------------------------------------------- the cases

    @Test
    void partialRefundIsSubtracted() {
        Company co = new Company(false);
        CommerceOrder o = co.order(LocalDate.parse("2026-04-10"), "300.00");
        co.order(LocalDate.parse("2026-04-11"), "120.00");
        co.b.refund(o, o.createdAt().plus(Duration.ofDays(2)), new BigDecimal("40.00"));
        Outcome out = co.runOnce();
        assertThat(Warehouses.rows(out.wh, "SELECT amount_trx FROM intermediate.int_commerce__refunds WHERE order_key = '"
                + o.orderKey() + "'")).containsExactly("40.00");
        assertThat(revenue(out, o)).isEqualTo("300.00");
        out.assertCommerceMatchesTruth();
    }

    @Test
    void refundOnAnOldOrderWhoseUpdatedAtDidNotMoveIsPickedUpBySecondRun() {
        Company co = new Company(false);
        CommerceOrder old = co.order(LocalDate.parse("2026-04-03"), "500.00");
        co.order(LocalDate.parse("2026-04-20"), "80.00");
        List<SourceRecord> before = co.snapshot();
        co.b.refundUnstamped(old, BETWEEN_RUNS, new BigDecimal("75.00"));
        assertThat(co.b.current(old).updatedAt()).isEqualTo(old.updatedAt());
        Outcome out = co.runTwice(before, store -> store.put(co.b.commerceRecords(old)));
        assertThat(Warehouses.rows(out.wh, "SELECT amount_trx FROM intermediate.int_commerce__refunds WHERE order_key = '"
                + old.orderKey() + "'")).containsExactly("75.00");
        out.assertCommerceMatchesTruth();
    }

    @Test
    void cancellationAfterTheFirstSyncIsPickedUpBySecondRun() {
        Company co = new Company(false);
        CommerceOrder o = co.order(LocalDate.parse("2026-04-12"), "250.00");
        co.order(LocalDate.parse("2026-04-13"), "90.00");
        List<SourceRecord> before = co.snapshot();
        co.b.cancel(o, BETWEEN_RUNS);
        Outcome out = co.runTwice(before, store -> store.put(co.b.commerceRecords(o)));
        assertThat(Warehouses.one(out.wh, "SELECT is_cancelled FROM intermediate.int_commerce__orders WHERE order_key = '"
                + o.orderKey() + "'")).isEqualTo("true");
        out.assertCommerceMatchesTruth();
    }

    @Test
    void vatInclusiveStoreCountsRevenueExTax() {
        Company co = new Company(true);
        CommerceOrder o = co.order(LocalDate.parse("2026-04-14"), "1000.00");
        co.b.refund(o, o.createdAt().plus(Duration.ofDays(1)), new BigDecimal("100.00"));
        Outcome out = co.runOnce();
        assertThat(revenue(out, o)).isEqualTo("1000.00");
        assertThat(Warehouses.rows(out.wh, "SELECT amount_trx FROM intermediate.int_commerce__refunds WHERE order_key = '"
                + o.orderKey() + "'")).containsExactly("100.00");
        out.assertCommerceMatchesTruth();
    }

    @Test
    void presentmentCurrencyOtherThanShopCurrencyCountsShopMoney() {
        Company co = new Company(false);
        CommerceOrder o = co.planter.inPresentmentCurrency(platform(), LocalDate.parse("2026-04-15"), new BigDecimal("400.00"),
                "EUR", new BigDecimal("0.9200"));
        Outcome out = co.runOnce();
        assertThat(Warehouses.one(out.wh, "SELECT currency || ' ' || revenue_trx || ' ' || revenue_rep FROM "
                + "intermediate.int_commerce__orders WHERE order_key = '" + o.orderKey() + "'")).isEqualTo("USD 400.00 400.00");
        out.assertCommerceMatchesTruth();
    }

    @Test
    void orderEditedBetweenRunsCountsItsLatestVersion() {
        Company co = new Company(false);
        CommerceOrder o = co.order(LocalDate.parse("2026-04-16"), "300.00");
        List<SourceRecord> before = co.snapshot();
        CommerceOrder edited = co.b.editShipping(o, BETWEEN_RUNS, o.shipping().add(new BigDecimal("25.00")));
        Outcome out = co.runTwice(before, store -> store.put(co.b.commerceRecords(o)));
        assertThat(revenue(out, o)).isEqualTo(edited.netRevenue().setScale(2).toPlainString()).isEqualTo("325.00");
        out.assertCommerceMatchesTruth();
    }

    @Test
    void testOrdersNeverCount() {
        assumeTrue(hasBehavior(Behavior.TEST_ORDERS), "platform has no test orders");
        Company co = new Company(false);
        CommerceOrder test = co.planter.shopifyTest(LocalDate.parse("2026-04-17"), new BigDecimal("99.00"));
        co.order(LocalDate.parse("2026-04-17"), "60.00");
        Outcome out = co.runOnce();
        assertThat(Warehouses.one(out.wh, "SELECT count(*) FROM raw.records WHERE object = 'orders' AND id = '" + test.id() + "'"))
                .as("the test order is landed (raw keeps what the source sent)").isEqualTo("1");
        assertThat(Warehouses.one(out.wh, "SELECT count(*) FROM intermediate.int_commerce__orders WHERE order_key = '"
                + test.orderKey() + "'")).isEqualTo("0");
        out.assertCommerceMatchesTruth();
    }

    @Test
    void deletedOrdersNeverCount() {
        assumeTrue(hasBehavior(Behavior.DELETED_ORDERS), "platform cannot delete orders in a way a connector sees");
        Company co = new Company(false);
        CommerceOrder gone = co.order(LocalDate.parse("2026-04-18"), "210.00");
        co.order(LocalDate.parse("2026-04-18"), "70.00");
        List<SourceRecord> before = co.snapshot();
        co.b.cancel(gone, BETWEEN_RUNS); // the truth: a deleted order counts no more than a cancelled one
        Outcome out = co.runTwice(before, store -> store.delete(gone, BETWEEN_RUNS));
        assertThat(Warehouses.one(out.wh, "SELECT is_cancelled FROM intermediate.int_commerce__orders WHERE order_key = '"
                + gone.orderKey() + "'")).isEqualTo("true");
        out.assertCommerceMatchesTruth();
    }

    @Test
    void orderChangedWhilePagingIsNotLostAfterTwoRuns() {
        Company co = new Company(false);
        List<CommerceOrder> orders = new ArrayList<>();
        for (int i = 0; i < 12; i++) orders.add(co.order(LocalDate.parse("2026-04-05").plusDays(i), (100 + i) + ".00"));
        List<SourceRecord> before = co.snapshot();
        // After the first page: the page's first order is edited (it moves to the end of an updated_at sort,
        // everything after it shifts up one place), and a refund lands on another one.
        CommerceOrder moved = orders.get(0);
        co.b.editShipping(moved, FIRST_RUN.minus(Duration.ofHours(2)), moved.shipping().add(new BigDecimal("10.00")));
        co.b.refund(orders.get(1), FIRST_RUN.minus(Duration.ofHours(1)), new BigDecimal("5.00"));
        List<SourceRecord> changed = new ArrayList<>(co.b.commerceRecords(moved));
        changed.addAll(co.b.commerceRecords(orders.get(1)));
        AtomicInteger hooks = new AtomicInteger();
        Outcome out = co.run(before, 4, store -> store.faults().afterPage(1, page -> {
            hooks.incrementAndGet();
            store.put(changed);
        }), store -> {});
        assertThat(hooks).hasValue(1);
        assertThat(Warehouses.one(out.wh, "SELECT count(*) FROM intermediate.int_commerce__orders")).isEqualTo("12");
        assertThat(revenue(out, moved)).isEqualTo(co.b.current(moved).netRevenue().setScale(2).toPlainString());
        out.assertCommerceMatchesTruth();
    }

    // ---------------------------------------------------------------- the machinery

    private static String revenue(Outcome out, CommerceOrder o) {
        return Warehouses.one(out.wh, "SELECT revenue_trx FROM intermediate.int_commerce__orders WHERE order_key = '" + o.orderKey() + "'");
    }

    /** One tiny company: a builder, a planter, orders of this platform only. */
    final class Company {
        final CompanySettings s = CompanySettings.vortex();
        final CompanyBuilder b = new CompanyBuilder(s, new FxCurve().addLinear("CAD", new BigDecimal("0.7300"), new BigDecimal("0.7300"),
                LocalDate.parse("2026-02-01"), LocalDate.parse("2026-05-31")).addLinear("EUR", new BigDecimal("1.0800"),
                new BigDecimal("1.0800"), LocalDate.parse("2026-02-01"), LocalDate.parse("2026-05-31")));
        final CausePlanter planter;

        Company(boolean vatInclusive) {
            planter = vatInclusive ? new CausePlanter(b, new Random(11), 4, 3, new BigDecimal("0.20"), true)
                    : new CausePlanter(b, new Random(11), 4, 3, new BigDecimal("0.08"), false);
        }

        String source() {
            return platform() == Platform.SHOPIFY ? s.shopifySource() : s.bigcommerceSource();
        }

        CommerceOrder order(LocalDate day, String net) {
            BigDecimal amount = new BigDecimal(net);
            return platform() == Platform.SHOPIFY ? planter.shopify(day, amount, "USD") : planter.bigcommerce(day, amount);
        }

        /** This platform's records as the store holds them now. */
        List<SourceRecord> snapshot() {
            return b.commerceRecords().stream().filter(r -> r.source().equals(source())).toList();
        }

        Outcome runOnce() {
            return run(snapshot(), 100, store -> {}, null);
        }

        Outcome runTwice(List<SourceRecord> first, java.util.function.Consumer<Store> betweenRuns) {
            return run(first, 100, store -> {}, betweenRuns);
        }

        /**
         * Serves {@code first}, extracts up to {@link #FIRST_RUN} (or, with no second run, up to T),
         * then after {@code betweenRuns} extracts again up to T, and transforms at T.
         */
        Outcome run(List<SourceRecord> first, int pageSize, java.util.function.Consumer<Store> beforeFirst,
                    java.util.function.Consumer<Store> betweenRuns) {
            Scenario sc = b.build("conformance");
            Store store = start(first);
            open.add(store);
            DuckDbWarehouse wh = DuckDbWarehouse.open(dir.resolve("tieout.duckdb"));
            open.add(wh);
            // Everything but the commerce platforms (Intacct, master data, rates) lands as the scenario has it.
            ScenarioWarehouse.land(wh, sc.records().stream()
                    .filter(r -> !r.source().equals(s.shopifySource()) && !r.source().equals(s.bigcommerceSource())).toList());
            DuckDbLandingSink sink = new DuckDbLandingSink(wh);
            beforeFirst.accept(store);
            boolean twice = betweenRuns != null;
            extract(connector(store, pageSize), sink, "conformance-1", twice ? FIRST_RUN : sc.asOf());
            if (twice) {
                betweenRuns.accept(store);
                extract(connector(store, pageSize), sink, "conformance-2", sc.asOf());
            }
            TieoutConfig config = ScenarioWarehouse.vortexConfig(dir);
            TransformJob.Result result = new TransformJob(wh, config).run(sc.asOf());
            return new Outcome(wh, sc, result);
        }

        private void extract(SourceConnector connector, DuckDbLandingSink sink, String runId, Instant upperBound) {
            connector.extract(new ExtractContext(runId, sink, sink, upperBound, Duration.ofMinutes(10), line -> {}));
        }
    }

    record Outcome(DuckDbWarehouse wh, Scenario scenario, TransformJob.Result result) {
        void assertCommerceMatchesTruth() {
            assertThat(result.totals().commerceRevenue()).as("C(P)").isEqualByComparingTo(scenario.truth().commerceRevenue());
            assertThat(result.totals().identityHolds()).isTrue();
        }
    }

    static RawRecord raw(SourceRecord r) {
        return new RawRecord(r.source(), r.object(), r.id(), r.updatedAt(), r.payload());
    }
}
