package io.tieout.transform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tieout.sandbox.scenario.SourceRecord;
import io.tieout.warehouse.duckdb.DuckDbWarehouse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo company with seven records broken the ways real sources break them. Each lands, the run
 * succeeds with the identity intact, each broken record is in ops.quarantine with a reason naming the
 * field and the bad text, and with its payload; nothing else is quarantined and the run counts them.
 */
class QuarantineTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir static Path dir;
    static DuckDbWarehouse wh;
    static TransformJob.Result result;
    /** source|object|id -> the corrupted record, and the model and reason it must be quarantined with. */
    static final Map<String, Expected> expected = new TreeMap<>();

    record Expected(SourceRecord record, String model, String reason) {}

    @BeforeAll
    static void landCorruptedDemoAndRun() throws Exception {
        List<SourceRecord> records = ScenarioWarehouse.demo().records();
        List<SourceRecord> used = new ArrayList<>();

        SourceRecord order = pick(records, used, "shopify-d2c", "orders", QuarantineTest::plainShopifyOrder);
        ObjectNode p = tree(order);
        ObjectNode line = (ObjectNode) p.at("/lineItems/nodes/0");
        ((ObjectNode) line.at("/originalTotalSet/shopMoney")).put("amount", "N/A");
        corrupt(order, p, "stg_shopify__orders",
                "line item " + line.get("id").asText() + ": originalTotalSet.shopMoney.amount 'N/A' is not a number");

        order = pick(records, used, "shopify-d2c", "orders", QuarantineTest::plainShopifyOrder);
        p = tree(order);
        p.put("currencyCode", "XYZ");
        corrupt(order, p, "stg_shopify__orders", "currencyCode 'XYZ' is not an ISO 4217 currency");

        order = pick(records, used, "bigcommerce-b2b", "orders", r -> true);
        p = tree(order);
        p.put("date_created", "2026-04-10 09:30");
        corrupt(order, p, "stg_bigcommerce__orders", "date_created '2026-04-10 09:30' is not an RFC-2822 date");

        // The demo has no BigCommerce refunds: this one arrives new, for a standing order.
        SourceRecord refunded = pick(records, used, "bigcommerce-b2b", "orders", r -> true);
        String refundPayload = "{\"id\":990001,\"order_id\":" + refunded.id() + ",\"created\":\"2026-04-20T15:00:00Z\","
                + "\"reason\":\"returned goods\",\"total_amount\":\"abc\",\"total_tax\":0}";
        SourceRecord refund = new SourceRecord("bigcommerce-b2b", "refunds", "990001", java.time.Instant.parse("2026-04-20T15:00:00Z"),
                refundPayload);
        expected.put(key(refund), new Expected(refund, "stg_bigcommerce__refunds", "total_amount 'abc' is not a number"));

        SourceRecord gl = pick(records, used, "intacct", "GLDETAIL", QuarantineTest::revenueCreditInApril);
        p = tree(gl);
        p.put("TR_TYPE", "7");
        corrupt(gl, p, "stg_intacct__gl_detail", "TR_TYPE must be 1 (debit) or -1 (credit), got '7'");

        gl = pick(records, used, "intacct", "GLDETAIL", QuarantineTest::revenueCreditInApril);
        p = tree(gl);
        p.put("ENTRY_DATE", "2026-04-15");
        corrupt(gl, p, "stg_intacct__gl_detail", "ENTRY_DATE '2026-04-15' is not MM/DD/YYYY");

        SourceRecord rate = pick(records, used, "fx", "rates", r -> r.id().equals("2026-04-15:CAD:USD"));
        p = tree(rate);
        p.put("rate", "-0.7312");
        corrupt(rate, p, "stg_fx__rates", "rate '-0.7312' is not positive");

        wh = ScenarioWarehouse.demoLanded(dir.resolve("corrupted"));
        ScenarioWarehouse.land(wh, expected.values().stream().map(Expected::record).toList());
        result = new TransformJob(wh, ScenarioWarehouse.vortexConfig(dir)).run(ScenarioWarehouse.demo().asOf());
    }

    @AfterAll
    static void close() { wh.close(); }

    @Test
    void theRunSucceedsAndTheIdentityHolds() {
        assertThat(result.totals().identityHolds()).isTrue();
        assertThat(WarehouseDigest.rows(wh, "SELECT status, message FROM ops.runs WHERE run_id = '" + result.runId() + "'"))
                .containsExactly("succeeded | null");
    }

    @Test
    void everyCorruptedRecordLandsInRawAsItsNewestVersion() {
        for (Expected e : expected.values()) {
            SourceRecord r = e.record();
            assertThat(WarehouseDigest.rows(wh, "SELECT payload FROM raw.records WHERE source = '" + r.source() + "' AND object = '"
                    + r.object() + "' AND id = '" + r.id() + "'")).as(key(r)).containsExactly(r.payload());
        }
    }

    @Test
    void everyCorruptedRecordIsQuarantinedWithItsModelReasonAndPayloadAndNothingElseIs() {
        List<String> want = expected.values().stream()
                .map(e -> String.join(" | ", key(e.record()), e.model(), e.reason(), e.record().payload(), result.runId()))
                .sorted().toList();
        assertThat(WarehouseDigest.rows(wh, "SELECT source || '|' || object || '|' || id, model, reason, payload, run_id "
                + "FROM ops.quarantine ORDER BY ALL")).isEqualTo(want);
    }

    @Test
    void theRunCountsTheQuarantinedRecords() {
        assertThat(result.quarantined()).isEqualTo(expected.size());
        assertThat(WarehouseDigest.rows(wh, "SELECT quarantined FROM ops.runs WHERE run_id = '" + result.runId() + "'"))
                .containsExactly(Integer.toString(expected.size()));
    }

    @Test
    void quarantinedRecordsAreNotInTheirStagingTables() {
        assertThat(WarehouseDigest.rows(wh, "SELECT count(*) FROM staging.stg_shopify__orders WHERE order_id IN ("
                + ids("shopify-d2c", "orders") + ")")).containsExactly("0");
        assertThat(WarehouseDigest.rows(wh, "SELECT count(*) FROM staging.stg_bigcommerce__orders WHERE order_id IN ("
                + ids("bigcommerce-b2b", "orders") + ")")).containsExactly("0");
        assertThat(WarehouseDigest.rows(wh, "SELECT count(*) FROM staging.stg_bigcommerce__refunds")).containsExactly("0");
        assertThat(WarehouseDigest.rows(wh, "SELECT count(*) FROM staging.stg_intacct__gl_detail WHERE record_no IN ("
                + ids("intacct", "GLDETAIL") + ")")).containsExactly("0");
        assertThat(WarehouseDigest.rows(wh, "SELECT count(*) FROM staging.stg_fx__rates WHERE rate_date = DATE '2026-04-15' "
                + "AND from_currency = 'CAD'")).containsExactly("0");
    }

    @Test
    void theResultsAreExactlyThoseOfTheSameDataWithoutTheBrokenRecords() throws Exception {
        Path other = dir.resolve("without");
        try (DuckDbWarehouse without = ScenarioWarehouse.demoLanded(other)) {
            for (Expected e : expected.values()) {
                WarehouseDigest.execute(without, "DELETE FROM raw.records WHERE source = '" + e.record().source()
                        + "' AND object = '" + e.record().object() + "' AND id = '" + e.record().id() + "'");
            }
            TransformJob.Result clean = new TransformJob(without, ScenarioWarehouse.vortexConfig(other)).run(ScenarioWarehouse.demo().asOf());
            assertThat(clean.quarantined()).isZero();
            assertThat(result.totals()).isEqualTo(clean.totals());
            assertThat(WarehouseDigest.of(wh, List.of("intermediate", "marts")))
                    .isEqualTo(WarehouseDigest.of(without, List.of("intermediate", "marts")));
        }
    }

    @Test
    void aRecordFixedAtTheSourceLeavesTheQuarantineOnTheNextRunAndLandingRowsStay(@TempDir Path own) {
        try (DuckDbWarehouse small = ScenarioWarehouse.landed(own, ScenarioWarehouse.smallCompany())) {
            TransformJob job = new TransformJob(small, ScenarioWarehouse.vortexConfig(own));
            TransformJob.Result first = job.run(ScenarioWarehouse.demo().asOf());
            assertThat(first.quarantined()).isEqualTo(1);
            assertThat(WarehouseDigest.rows(small, "SELECT id, model FROM ops.quarantine ORDER BY id"))
                    .containsExactly("990001 | stg_intacct__gl_detail", "990002 | landing");

            SourceRecord broken = ScenarioWarehouse.SMALL_BROKEN_GL;
            ScenarioWarehouse.land(small, List.of(new SourceRecord(broken.source(), broken.object(), broken.id(),
                    broken.updatedAt().plus(Duration.ofHours(1)), broken.payload().replace("\"TR_TYPE\":\"7\"", "\"TR_TYPE\":\"-1\""))));
            TransformJob.Result second = job.run(ScenarioWarehouse.demo().asOf());

            assertThat(second.quarantined()).isZero();
            assertThat(WarehouseDigest.rows(small, "SELECT quarantined FROM ops.runs WHERE run_id = '" + second.runId() + "'"))
                    .containsExactly("0");
            // The landing quarantine is the landing's: a transform run neither counts nor clears it.
            assertThat(WarehouseDigest.rows(small, "SELECT id, model FROM ops.quarantine")).containsExactly("990002 | landing");
            assertThat(WarehouseDigest.rows(small, "SELECT count(*) FROM staging.stg_intacct__gl_detail WHERE record_no = '990001'"))
                    .containsExactly("1");
        }
    }

    @Test
    void aRecordStillBrokenIsQuarantinedAgainByTheNextRunOnce(@TempDir Path own) {
        try (DuckDbWarehouse small = ScenarioWarehouse.landed(own, ScenarioWarehouse.smallCompany())) {
            TransformJob job = new TransformJob(small, ScenarioWarehouse.vortexConfig(own));
            job.run(ScenarioWarehouse.demo().asOf());
            TransformJob.Result second = job.run(ScenarioWarehouse.demo().asOf());

            assertThat(second.quarantined()).isEqualTo(1);
            assertThat(WarehouseDigest.rows(small, "SELECT id, reason, run_id FROM ops.quarantine WHERE model <> 'landing'"))
                    .containsExactly("990001 | TR_TYPE must be 1 (debit) or -1 (credit), got '7' | " + second.runId());
        }
    }

    @Test
    void recordsOfTheWrongShapeAreQuarantinedInsteadOfFailingTheRun(@TempDir Path own) throws Exception {
        io.tieout.sandbox.scenario.Scenario small = ScenarioWarehouse.smallCompany();
        List<SourceRecord> used = new ArrayList<>();
        Map<String, Expected> broken = new TreeMap<>();
        record Case(String source, String object, java.util.function.Consumer<ObjectNode> breakIt, String model,
                    java.util.function.Function<ObjectNode, String> reason) {}
        List<Case> cases = List.of(
                new Case("shopify-d2c", "orders", p -> p.put("taxesIncluded", "maybe"), "stg_shopify__orders",
                        p -> "taxesIncluded 'maybe' is not true or false"),
                new Case("shopify-d2c", "orders", p -> p.put("test", "nope"), "stg_shopify__orders",
                        p -> "test 'nope' is not true or false"),
                new Case("shopify-d2c", "orders", p -> ((ObjectNode) p.get("lineItems")).put("nodes", 5), "stg_shopify__orders",
                        p -> "lineItems.nodes is not a list"),
                new Case("shopify-d2c", "orders", p -> ((ObjectNode) p.get("lineItems")).remove("nodes"), "stg_shopify__orders",
                        p -> "lineItems.nodes is missing"),
                new Case("shopify-d2c", "orders", p -> p.putObject("refunds"), "stg_shopify__orders",
                        p -> "refunds is not a list"),
                new Case("shopify-d2c", "orders", p -> ((ObjectNode) p.at("/lineItems/nodes/0")).put("discountAllocations", 7),
                        "stg_shopify__orders",
                        p -> "line item " + p.at("/lineItems/nodes/0/id").asText() + ": discountAllocations is not a list"),
                new Case("bigcommerce-b2b", "orders", p -> p.put("is_deleted", "x"), "stg_bigcommerce__orders",
                        p -> "is_deleted 'x' is not true or false"),
                new Case("bigcommerce-b2b", "order_products", p -> p.putArray("applied_discounts").addObject().put("amount", "ten"),
                        "stg_bigcommerce__order_products", p -> "applied_discounts[].amount 'ten' is not a number"));
        for (Case c : cases) {
            SourceRecord r = pick(small.records(), used, c.source(), c.object(), x -> true);
            ObjectNode p = tree(r);
            c.breakIt().accept(p);
            SourceRecord bad = new SourceRecord(r.source(), r.object(), r.id(), r.updatedAt().plusSeconds(60), JSON.writeValueAsString(p));
            broken.put(key(bad), new Expected(bad, c.model(), c.reason().apply(p)));
        }
        SourceRecord gl = ScenarioWarehouse.SMALL_BROKEN_GL;
        broken.put(key(gl), new Expected(gl, "stg_intacct__gl_detail", "TR_TYPE must be 1 (debit) or -1 (credit), got '7'"));

        try (DuckDbWarehouse wh = ScenarioWarehouse.landed(own, small)) {
            ScenarioWarehouse.land(wh, broken.values().stream().map(Expected::record).toList());
            TransformJob.Result r = new TransformJob(wh, ScenarioWarehouse.vortexConfig(own)).run(small.asOf());

            assertThat(r.totals().identityHolds()).isTrue();
            assertThat(r.quarantined()).isEqualTo(broken.size());
            assertThat(WarehouseDigest.rows(wh, "SELECT source || '|' || object || '|' || id, model, reason, payload "
                    + "FROM ops.quarantine WHERE model <> 'landing' ORDER BY ALL"))
                    .isEqualTo(broken.values().stream().map(e -> String.join(" | ", key(e.record()), e.model(), e.reason(),
                            e.record().payload())).sorted().toList());
        }
    }

    // ------------------------------------------------------------------ picking and breaking records

    static boolean plainShopifyOrder(SourceRecord r) {
        JsonNode n = tree(r);
        return !n.get("test").asBoolean() && n.get("cancelledAt").isNull() && n.get("refunds").isEmpty()
                && n.get("currencyCode").asText().equals("USD") && n.get("createdAt").asText().startsWith("2026-04-1");
    }

    static boolean revenueCreditInApril(SourceRecord r) {
        JsonNode n = tree(r);
        return n.get("ACCOUNTNO").asText().equals("4000") && n.get("TR_TYPE").asText().equals("-1")
                && n.get("ENTRY_DATE").asText().startsWith("04/1");
    }

    static SourceRecord pick(List<SourceRecord> records, List<SourceRecord> used, String source, String object,
                             Predicate<SourceRecord> test) {
        SourceRecord r = records.stream().filter(x -> x.source().equals(source) && x.object().equals(object))
                .filter(x -> !used.contains(x)).filter(test).findFirst().orElseThrow();
        used.add(r);
        return r;
    }

    /** The broken record arrives as a newer version of the good one, as a re-sync would bring it. */
    static void corrupt(SourceRecord original, ObjectNode payload, String model, String reason) throws Exception {
        SourceRecord bad = new SourceRecord(original.source(), original.object(), original.id(),
                original.updatedAt().plus(Duration.ofMinutes(5)), JSON.writeValueAsString(payload));
        expected.put(key(bad), new Expected(bad, model, reason));
    }

    static ObjectNode tree(SourceRecord r) {
        try {
            return (ObjectNode) JSON.readTree(r.payload());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String key(SourceRecord r) {
        return r.source() + "|" + r.object() + "|" + r.id();
    }

    static String ids(String source, String object) {
        return expected.values().stream().map(Expected::record).filter(r -> r.source().equals(source) && r.object().equals(object))
                .map(r -> "'" + r.id() + "'").reduce((a, b) -> a + ", " + b).orElseThrow();
    }
}
