package io.tieout.warehouse.duckdb;

import io.tieout.extract.LandingSink.LandingResult;
import io.tieout.extract.RawRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Landing is a MERGE on (source, object, id) keeping the newest updated_at: a batch applied twice has no effect. */
class LandingIdempotencyTest {
    static final Instant T1 = Instant.parse("2026-04-10T12:00:00Z");
    static final Instant T2 = T1.plusSeconds(3600);
    static final Instant T3 = T2.plusSeconds(3600);

    @TempDir Path dir;
    DuckDbWarehouse wh;
    DuckDbLandingSink sink;

    @BeforeEach
    void open() {
        wh = DuckDbWarehouse.open(dir.resolve("tieout.duckdb"));
        sink = new DuckDbLandingSink(wh);
    }

    @AfterEach
    void close() { wh.close(); }

    static RawRecord rec(String source, String object, String id, Instant at, String payload) {
        return new RawRecord(source, object, id, at, payload);
    }

    static List<RawRecord> mixedBatch() {
        return List.of(
                rec("shopify-d2c", "orders", "1001", T1, "{\"name\":\"#VD1001\",\"currencyCode\":\"USD\"}"),
                rec("shopify-d2c", "orders", "1002", T2, "{\"name\":\"#VD1002\",\"currencyCode\":\"USD\"}"),
                rec("bigcommerce-b2b", "orders", "1001", T1, "{\"id\":1001}"),
                rec("intacct", "GLDETAIL", "1001", T1, "{\"RECORDNO\":\"1001\",\"TR_TYPE\":\"-1\"}"),
                rec("fx", "rates", "2026-04-10:CAD:USD", T1, "{\"date\":\"2026-04-10\",\"from\":\"CAD\",\"to\":\"USD\",\"rate\":\"0.73\"}"));
    }

    @Test
    void landingTheSameBatchTwiceChangesNothingAndCountsEveryRecordUnchanged() {
        LandingResult first = sink.land("run-1", mixedBatch());
        assertThat(first).isEqualTo(new LandingResult(5, 0, 0, 0));
        List<String> afterFirst = WarehouseRows.raw(wh);
        assertThat(afterFirst).hasSize(5);

        LandingResult second = sink.land("run-2", mixedBatch());

        assertThat(second).isEqualTo(new LandingResult(0, 0, 5, 0));
        // Every column, landed_at and run_id included: the second landing touched no row.
        assertThat(WarehouseRows.raw(wh)).isEqualTo(afterFirst);
        assertThat(WarehouseRows.quarantine(wh)).isEmpty();
    }

    @Test
    void aSameKeyInAnotherSourceOrObjectIsAnotherRecord() {
        sink.land("run-1", mixedBatch());
        assertThat(WarehouseRows.rows(wh, "SELECT count(*) FROM raw.records WHERE id = '1001'")).containsExactly("3");
    }

    @Test
    void aNewerUpdatedAtReplacesThePayload() {
        sink.land("run-1", List.of(rec("intacct", "GLDETAIL", "7", T1, "{\"AMOUNT\":\"10.00\"}")));

        LandingResult r = sink.land("run-2", List.of(rec("intacct", "GLDETAIL", "7", T2, "{\"AMOUNT\":\"12.00\"}")));

        assertThat(r).isEqualTo(new LandingResult(0, 1, 0, 0));
        assertThat(WarehouseRows.rows(wh, "SELECT payload, epoch_ms(updated_at), run_id FROM raw.records"))
                .containsExactly("{\"AMOUNT\":\"12.00\"} | " + T2.toEpochMilli() + " | run-2");
    }

    @Test
    void anOlderUpdatedAtIsIgnored() {
        sink.land("run-1", List.of(rec("intacct", "GLDETAIL", "7", T2, "{\"AMOUNT\":\"12.00\"}")));
        List<String> before = WarehouseRows.raw(wh);

        LandingResult r = sink.land("run-2", List.of(rec("intacct", "GLDETAIL", "7", T1, "{\"AMOUNT\":\"10.00\"}")));

        assertThat(r).isEqualTo(new LandingResult(0, 0, 1, 0));
        assertThat(WarehouseRows.raw(wh)).isEqualTo(before);
    }

    @Test
    void anEqualUpdatedAtKeepsTheLandedPayload() {
        sink.land("run-1", List.of(rec("intacct", "GLDETAIL", "7", T2, "{\"AMOUNT\":\"12.00\"}")));
        List<String> before = WarehouseRows.raw(wh);

        LandingResult r = sink.land("run-2", List.of(rec("intacct", "GLDETAIL", "7", T2, "{\"AMOUNT\":\"99.00\"}")));

        assertThat(r).isEqualTo(new LandingResult(0, 0, 1, 0));
        assertThat(WarehouseRows.raw(wh)).isEqualTo(before);
    }

    @Test
    void duplicatesInsideOneBatchKeepTheNewestAndCountTheRestUnchanged() {
        LandingResult r = sink.land("run-1", List.of(
                rec("shopify-d2c", "orders", "5", T2, "{\"v\":2}"),
                rec("shopify-d2c", "orders", "5", T3, "{\"v\":3}"),
                rec("shopify-d2c", "orders", "5", T1, "{\"v\":1}")));

        assertThat(r).isEqualTo(new LandingResult(1, 0, 2, 0));
        assertThat(WarehouseRows.rows(wh, "SELECT payload, epoch_ms(updated_at) FROM raw.records"))
                .containsExactly("{\"v\":3} | " + T3.toEpochMilli());
    }

    @Test
    void duplicatesWithTheSameUpdatedAtInsideOneBatchKeepTheLaterRecord() {
        sink.land("run-1", List.of(
                rec("shopify-d2c", "orders", "5", T2, "{\"page\":1}"),
                rec("shopify-d2c", "orders", "5", T2, "{\"page\":2}")));

        assertThat(WarehouseRows.rows(wh, "SELECT payload FROM raw.records")).containsExactly("{\"page\":2}");
    }

    @Test
    void aNewerDuplicateInsideTheBatchUpdatesALandedRecord() {
        sink.land("run-1", List.of(rec("shopify-d2c", "orders", "5", T1, "{\"v\":1}")));

        LandingResult r = sink.land("run-2", List.of(
                rec("shopify-d2c", "orders", "5", T3, "{\"v\":3}"),
                rec("shopify-d2c", "orders", "5", T2, "{\"v\":2}")));

        assertThat(r).isEqualTo(new LandingResult(0, 1, 1, 0));
        assertThat(WarehouseRows.rows(wh, "SELECT payload FROM raw.records")).containsExactly("{\"v\":3}");
    }

    @Test
    void anInvalidJsonPayloadIsQuarantinedWithItsReasonAndPayloadWhileTheRestOfTheBatchLands() {
        String broken = "{\"RECORDNO\":\"9\",\"AMOUNT\":";
        LandingResult r = sink.land("run-1", List.of(
                rec("intacct", "GLDETAIL", "8", T1, "{\"RECORDNO\":\"8\"}"),
                rec("intacct", "GLDETAIL", "9", T1, broken),
                rec("intacct", "GLDETAIL", "10", T1, "{\"RECORDNO\":\"10\"}")));

        assertThat(r).isEqualTo(new LandingResult(2, 0, 0, 1));
        assertThat(r.total()).isEqualTo(3);
        assertThat(WarehouseRows.rows(wh, "SELECT id FROM raw.records ORDER BY id")).containsExactly("10", "8");
        assertThat(WarehouseRows.rows(wh, "SELECT source, object, id, model, reason, payload, run_id FROM ops.quarantine"))
                .containsExactly("intacct | GLDETAIL | 9 | landing | payload is not valid JSON | " + broken + " | run-1");
    }

    @Test
    void anInvalidNewerVersionIsQuarantinedAndTheLandedVersionStays() {
        sink.land("run-1", List.of(rec("intacct", "GLDETAIL", "8", T1, "{\"RECORDNO\":\"8\"}")));
        List<String> before = WarehouseRows.raw(wh);

        LandingResult r = sink.land("run-2", List.of(rec("intacct", "GLDETAIL", "8", T2, "not json")));

        assertThat(r).isEqualTo(new LandingResult(0, 0, 0, 1));
        assertThat(WarehouseRows.raw(wh)).isEqualTo(before);
        assertThat(WarehouseRows.rows(wh, "SELECT id, payload FROM ops.quarantine")).containsExactly("8 | not json");
    }

    @Test
    void reLandingABatchWithAnInvalidRecordKeepsOneQuarantineRowAndChangesNoRawRow() {
        List<RawRecord> batch = List.of(
                rec("intacct", "GLDETAIL", "8", T1, "{\"RECORDNO\":\"8\"}"),
                rec("intacct", "GLDETAIL", "9", T1, ""));
        sink.land("run-1", batch);
        List<String> raw = WarehouseRows.raw(wh);

        LandingResult r = sink.land("run-2", batch);

        assertThat(r).isEqualTo(new LandingResult(0, 0, 1, 1));
        assertThat(WarehouseRows.raw(wh)).isEqualTo(raw);
        assertThat(WarehouseRows.rows(wh, "SELECT id, model, payload FROM ops.quarantine")).containsExactly("9 | landing | ");
    }

    @Test
    void anEmptyBatchLandsNothing() {
        assertThat(sink.land("run-1", List.of())).isEqualTo(new LandingResult(0, 0, 0, 0));
        assertThat(WarehouseRows.raw(wh)).isEmpty();
    }

    @Test
    void updatedAtIsStoredAsTheSameInstantWhateverTheJvmTimeZone() {
        java.util.TimeZone saved = java.util.TimeZone.getDefault();
        java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("America/New_York"));
        try {
            sink.land("run-1", List.of(rec("fx", "rates", "r", T1, "{}")));
        } finally {
            java.util.TimeZone.setDefault(saved);
        }
        assertThat(WarehouseRows.rows(wh, "SELECT epoch_ms(updated_at) FROM raw.records")).containsExactly(Long.toString(T1.toEpochMilli()));
    }
}
