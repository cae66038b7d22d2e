package io.tieout.warehouse.duckdb;

import io.tieout.extract.LandingSink.LandingResult;
import io.tieout.extract.RawRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A landing interrupted at any step inside its transaction leaves raw and the quarantine as they were. */
class LandingCrashSafetyTest {
    static final Instant T1 = Instant.parse("2026-04-10T12:00:00Z");
    static final Instant T2 = T1.plusSeconds(60);

    @TempDir Path dir;
    DuckDbWarehouse wh;

    @BeforeEach
    void open() {
        wh = DuckDbWarehouse.open(dir.resolve("tieout.duckdb"));
        new DuckDbLandingSink(wh).land("run-0", List.of(
                new RawRecord("intacct", "GLDETAIL", "1", T1, "{\"v\":1}"),
                new RawRecord("intacct", "GLDETAIL", "2", T1, "{\"v\":1}")));
    }

    @AfterEach
    void close() { wh.close(); }

    /** Updates both landed records, adds two, and carries one unreadable payload. */
    static List<RawRecord> batch() {
        return List.of(
                new RawRecord("intacct", "GLDETAIL", "1", T2, "{\"v\":2}"),
                new RawRecord("intacct", "GLDETAIL", "2", T2, "{\"v\":2}"),
                new RawRecord("intacct", "GLDETAIL", "3", T2, "{\"v\":2}"),
                new RawRecord("intacct", "GLDETAIL", "4", T2, "{broken"),
                new RawRecord("intacct", "GLDETAIL", "5", T2, "{\"v\":2}"));
    }

    static List<String> steps() {
        List<String> steps = new ArrayList<>();
        for (int i = 1; i <= batch().size(); i++) steps.add("appended record " + i);
        steps.add("quarantined");
        steps.add("merged");
        return steps;
    }

    @Test
    void theProbeSeesEveryStepOfALanding() {
        List<String> seen = new ArrayList<>();
        new DuckDbLandingSink(wh, seen::add).land("run-1", batch());
        assertThat(seen).isEqualTo(steps());
    }

    @Test
    void aRuntimeFailureAtAnyStepLeavesRawAndQuarantineUnchanged() {
        assertInterruptedEverywhere(step -> new IllegalStateException("injected fault at " + step));
    }

    @Test
    void anSqlFailureAtAnyStepLeavesRawAndQuarantineUnchanged() {
        assertInterruptedEverywhere(step -> new SQLException("injected fault at " + step));
    }

    private void assertInterruptedEverywhere(java.util.function.Function<String, Exception> fault) {
        List<String> raw = WarehouseRows.raw(wh);
        List<String> quarantine = WarehouseRows.quarantine(wh);
        for (String failAt : steps()) {
            DuckDbLandingSink failing = new DuckDbLandingSink(wh, step -> {
                if (!step.equals(failAt)) return;
                Exception e = fault.apply(step);
                if (e instanceof SQLException sql) throw sql;
                throw (RuntimeException) e;
            });
            assertThatThrownBy(() -> failing.land("run-1", batch()))
                    .as("fault at %s", failAt).hasMessageContaining("injected fault at " + failAt);
            assertThat(WarehouseRows.raw(wh)).as("raw after a fault at %s", failAt).isEqualTo(raw);
            assertThat(WarehouseRows.quarantine(wh)).as("quarantine after a fault at %s", failAt).isEqualTo(quarantine);
        }
        // And the interrupted batch, landed again, lands exactly once.
        assertThat(new DuckDbLandingSink(wh).land("run-2", batch())).isEqualTo(new LandingResult(2, 2, 0, 1));
        assertThat(WarehouseRows.rows(wh, "SELECT id, payload FROM raw.records ORDER BY id"))
                .containsExactly("1 | {\"v\":2}", "2 | {\"v\":2}", "3 | {\"v\":2}", "5 | {\"v\":2}");
        assertThat(WarehouseRows.rows(wh, "SELECT id FROM ops.quarantine")).containsExactly("4");
    }
}
