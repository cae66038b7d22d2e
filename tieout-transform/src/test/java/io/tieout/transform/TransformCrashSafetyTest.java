package io.tieout.transform;

import io.tieout.sandbox.scenario.Scenario;
import io.tieout.warehouse.duckdb.DuckDbWarehouse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A transform run is one transaction: a fault after any model, or a failed check, leaves every table
 * exactly as before the run (not one table replaced, not one quarantine or model_runs row written),
 * ops.runs says why it failed, and the next clean run gives exactly what a fresh warehouse gives.
 * Runs on the small company so that faulting after each of the models in turn takes seconds.
 */
class TransformCrashSafetyTest {
    static final List<String> ALL_SCHEMAS = List.of("staging", "intermediate", "marts", "ops");
    static final List<String> MODELS = ModelCatalog.fromClassPath().models().stream().map(Model::name).toList();

    @TempDir static Path freshDir;
    static Scenario small;
    static DuckDbWarehouse fresh;
    /** What one clean run on a warehouse that never saw a failure gives. */
    static Map<String, String> cleanRun;

    @TempDir Path dir;

    @BeforeAll
    static void oneCleanRunOnAFreshWarehouse() {
        small = ScenarioWarehouse.smallCompany();
        fresh = ScenarioWarehouse.landed(freshDir, small);
        job(fresh, freshDir, (c, m) -> {}).run(small.asOf());
        cleanRun = comparable(fresh);
    }

    @AfterAll
    static void close() { fresh.close(); }

    static TransformJob job(DuckDbWarehouse wh, Path dir, ModelRunner.AfterModel afterModel) {
        return new TransformJob(wh, ScenarioWarehouse.vortexConfig(dir),
                new ModelRunner(ModelCatalog.fromClassPath(), new DuckDbDialect(), afterModel));
    }

    static ModelRunner.AfterModel failAfter(String model) {
        return (c, m) -> {
            if (m.name().equals(model)) throw new SQLException("injected fault after " + model);
        };
    }

    /** Every table a run writes, ops.runs aside (a failed run adds its row there): digests and catalog identities. */
    static Map<String, String> state(DuckDbWarehouse wh) {
        Map<String, String> s = new TreeMap<>(WarehouseDigest.of(wh, ALL_SCHEMAS));
        s.remove("ops.runs");
        WarehouseDigest.oids(wh, ALL_SCHEMAS).forEach((table, oid) -> s.merge(table, "oid " + oid, (a, b) -> a + " | " + b));
        return s;
    }

    /** What must be the same as on a fresh warehouse: the model tables, config tables, quarantine and model runs, ids and times aside. */
    static Map<String, String> comparable(DuckDbWarehouse wh) {
        Map<String, String> s = new TreeMap<>(WarehouseDigest.models(wh));
        WarehouseDigest.of(wh, List.of("ops")).forEach((table, digest) -> {
            if (table.startsWith("ops.cfg_")) s.put(table, digest);
        });
        s.put("ops.quarantine", String.join("\n", WarehouseDigest.rows(wh,
                "SELECT source, object, id, model, reason, payload FROM ops.quarantine ORDER BY ALL")));
        s.put("ops.model_runs of the last run", String.join("\n", WarehouseDigest.rows(wh,
                "SELECT model, seq, row_count FROM ops.model_runs WHERE run_id = (SELECT run_id FROM ops.runs "
                        + "WHERE status = 'succeeded' ORDER BY finished_at DESC LIMIT 1) ORDER BY seq")));
        return s;
    }

    /** The tables whose state differs, each with both states: empty when nothing changed. */
    static Map<String, String> changed(Map<String, String> before, Map<String, String> after) {
        Map<String, String> out = new TreeMap<>();
        java.util.Set<String> tables = new java.util.TreeSet<>(before.keySet());
        tables.addAll(after.keySet());
        for (String t : tables) {
            if (!java.util.Objects.equals(before.get(t), after.get(t))) out.put(t, before.get(t) + "  ->  " + after.get(t));
        }
        return out;
    }

    static List<String> failures(DuckDbWarehouse wh) {
        return WarehouseDigest.rows(wh, "SELECT message FROM ops.runs WHERE status = 'failed' ORDER BY finished_at");
    }

    @Test
    void theSmallCompanyGivesEveryModelRowsAndQuarantinesItsBrokenRecords() {
        List<String> empty = WarehouseDigest.models(fresh).entrySet().stream()
                .filter(e -> e.getValue().contains(" | 0 rows | ")).map(Map.Entry::getKey).toList();
        // No scenario writes Order Entry document lines.
        assertThat(empty).containsExactly("staging.stg_intacct__so_document_entries");
        assertThat(WarehouseDigest.rows(fresh, "SELECT id, model FROM ops.quarantine ORDER BY id"))
                .containsExactly("990001 | stg_intacct__gl_detail", "990002 | landing");
    }

    @Test
    void aFaultDuringTheFirstRunLeavesNoTableBehind() {
        // The first model, the first intermediate one and the last: after one table, some, all of them.
        List<String> faults = List.of(MODELS.get(0), MODELS.stream().filter(m -> m.startsWith("int_")).findFirst().orElseThrow(),
                MODELS.get(MODELS.size() - 1));
        try (DuckDbWarehouse wh = ScenarioWarehouse.landed(dir, small)) {
            Map<String, String> before = state(wh);
            assertThat(WarehouseDigest.models(wh)).isEmpty();

            for (String model : faults) {
                assertThatThrownBy(() -> job(wh, dir, failAfter(model)).run(small.asOf()))
                        .hasMessageContaining("injected fault after " + model);
                assertThat(changed(before, state(wh))).as("after a fault after %s", model).isEmpty();
            }

            assertThat(failures(wh)).isEqualTo(faults.stream().map(m -> "injected fault after " + m).toList());
            job(wh, dir, (c, m) -> {}).run(small.asOf());
            assertThat(changed(cleanRun, comparable(wh))).isEmpty();
        }
    }

    @Test
    void aFaultAfterAnyModelOrAFailedCheckLeavesEveryTableAsBeforeTheRun() {
        try (DuckDbWarehouse wh = ScenarioWarehouse.landed(dir, small)) {
            job(wh, dir, (c, m) -> {}).run(small.asOf());
            Map<String, String> before = state(wh);
            List<String> expectedFailures = new ArrayList<>();

            for (String model : MODELS) {
                assertThatThrownBy(() -> job(wh, dir, failAfter(model)).run(small.asOf()))
                        .hasMessageContaining("injected fault after " + model);
                assertThat(changed(before, state(wh))).as("after a fault after %s", model).isEmpty();
                expectedFailures.add("injected fault after " + model);
            }

            // The gap lines stop adding up to C - G by one cent: the identity check fails the run.
            TransformJob offByACent = job(wh, dir, (c, m) -> {
                if (m.name().equals("fct_revenue_gap_lines")) {
                    try (var st = c.createStatement()) {
                        st.execute("UPDATE marts.fct_revenue_gap_lines SET amount = amount + 0.01 "
                                + "WHERE rowid = (SELECT min(rowid) FROM marts.fct_revenue_gap_lines)");
                    }
                }
            });
            assertThatThrownBy(() -> offByACent.run(small.asOf()))
                    .isInstanceOf(RunCheckFailed.class)
                    .hasMessageStartingWith("identity failed for 2026-04-02..2026-05-01")
                    .hasMessageContaining("(difference -0.01)");
            assertThat(changed(before, state(wh))).as("after a failed identity check").isEmpty();
            expectedFailures.add(failures(wh).get(failures(wh).size() - 1));
            assertThat(expectedFailures.get(expectedFailures.size() - 1)).startsWith("identity failed for 2026-04-02..2026-05-01");

            // CAD has no rates any more: amounts that cannot be converted fail the run rather than drop out.
            TransformJob noCadRates = job(wh, dir, (c, m) -> {
                if (m.name().equals("int_fx__daily_rates")) {
                    try (var st = c.createStatement()) {
                        st.execute("DELETE FROM intermediate.int_fx__daily_rates WHERE currency = 'CAD'");
                    }
                }
            });
            assertThatThrownBy(() -> noCadRates.run(small.asOf()))
                    .isInstanceOf(RunCheckFailed.class)
                    .hasMessageStartingWith("no FX rate to USD on or before the date for: ")
                    .hasMessageContaining(" in CAD on 2026-04-10");
            assertThat(changed(before, state(wh))).as("after a failed conversion check").isEmpty();
            expectedFailures.add(failures(wh).get(failures(wh).size() - 1));
            assertThat(expectedFailures.get(expectedFailures.size() - 1)).startsWith("no FX rate to USD");

            assertThat(failures(wh)).isEqualTo(expectedFailures);
            job(wh, dir, (c, m) -> {}).run(small.asOf());
            assertThat(changed(cleanRun, comparable(wh))).isEmpty();
        }
    }

    @Test
    void runningTheTransformTwiceInARowGivesIdenticalTables() {
        try (DuckDbWarehouse wh = ScenarioWarehouse.landed(dir, small)) {
            TransformJob job = job(wh, dir, (c, m) -> {});
            TransformJob.Result first = job.run(small.asOf());
            Map<String, String> afterFirst = comparable(wh);
            TransformJob.Result second = job.run(small.asOf());

            assertThat(comparable(wh)).isEqualTo(afterFirst).isEqualTo(cleanRun);
            assertThat(second.totals()).isEqualTo(first.totals());
            assertThat(second.quarantined()).isEqualTo(first.quarantined());
        }
    }

    @Test
    void aFaultWhileAddingAPeriodLeavesNoRowsOfItAndAskingAgainComputesIt() {
        try (DuckDbWarehouse wh = ScenarioWarehouse.landed(dir, small)) {
            job(wh, dir, (c, m) -> {}).run(small.asOf());
            Map<String, String> before = state(wh);
            LocalDate from = LocalDate.parse("2026-04-01");
            LocalDate to = LocalDate.parse("2026-04-30");

            assertThatThrownBy(() -> job(wh, dir, failAfter("fct_revenue_gap_lines")).ensurePeriod(from, to))
                    .hasMessageContaining("injected fault after fct_revenue_gap_lines");
            assertThat(changed(before, state(wh))).isEmpty();

            PeriodTotals april = job(wh, dir, (c, m) -> {}).ensurePeriod(from, to);
            assertThat(april.identityHolds()).isTrue();
            assertThat(WarehouseDigest.rows(wh, "SELECT count(*) > 0 FROM marts.fct_revenue_gap_lines WHERE period_from = DATE '2026-04-01'"))
                    .containsExactly("true");
        }
    }
}
