package io.tieout.transform;

import io.tieout.warehouse.duckdb.DuckDbWarehouse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Periods other than the run's are computed on demand from the latest run, checked, and stored once. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EnsurePeriodTest {
    static final LocalDate APRIL_FROM = LocalDate.parse("2026-04-01");
    static final LocalDate APRIL_TO = LocalDate.parse("2026-04-30");

    @TempDir static Path dir;
    static DuckDbWarehouse wh;
    static TransformJob job;
    static TransformJob.Result run;
    static List<String> runPeriodRows;

    @BeforeAll
    static void runTheDemo() {
        wh = ScenarioWarehouse.demoLanded(dir);
        job = new TransformJob(wh, ScenarioWarehouse.vortexConfig(dir));
        run = job.run(ScenarioWarehouse.demo().asOf());
        runPeriodRows = periodRows(run.periodFrom(), run.periodTo());
    }

    @AfterAll
    static void close() { wh.close(); }

    static List<String> periodRows(LocalDate from, LocalDate to) {
        return WarehouseDigest.rows(wh, "SELECT * FROM marts.fct_revenue_gap_lines WHERE period_from = DATE '" + from
                + "' AND period_to = DATE '" + to + "' ORDER BY ALL");
    }

    @Test
    @Order(1)
    void aSecondPeriodIsComputedOnDemandAndItsIdentityHolds() {
        assertThat(periodRows(APRIL_FROM, APRIL_TO)).isEmpty();

        PeriodTotals april = job.ensurePeriod(APRIL_FROM, APRIL_TO);

        assertThat(april.identityHolds()).isTrue();
        assertThat(april.commerceRevenue()).isNotEqualByComparingTo(run.totals().commerceRevenue());
        assertThat(periodRows(APRIL_FROM, APRIL_TO)).isNotEmpty();
        assertThat(WarehouseDigest.rows(wh, "SELECT sum(amount) FROM marts.fct_revenue_gap_lines WHERE period_from = DATE '2026-04-01'"))
                .containsExactly(april.gap().toPlainString());
        // The run's own period is untouched.
        assertThat(periodRows(run.periodFrom(), run.periodTo())).isEqualTo(runPeriodRows);
    }

    @Test
    @Order(2)
    void askingAgainReturnsTheSameTotalsAndAddsNoRows() {
        PeriodTotals first = job.ensurePeriod(APRIL_FROM, APRIL_TO);
        List<String> rows = periodRows(APRIL_FROM, APRIL_TO);
        long all = Long.parseLong(WarehouseDigest.rows(wh, "SELECT count(*) FROM marts.fct_revenue_gap_lines").get(0));

        PeriodTotals again = job.ensurePeriod(APRIL_FROM, APRIL_TO);

        assertThat(again).isEqualTo(first);
        assertThat(periodRows(APRIL_FROM, APRIL_TO)).isEqualTo(rows);
        assertThat(WarehouseDigest.rows(wh, "SELECT count(*) FROM marts.fct_revenue_gap_lines")).containsExactly(Long.toString(all));
    }

    @Test
    @Order(3)
    void askingForTheRunsOwnPeriodGivesItsTotalsAndAddsNothing() {
        assertThat(job.ensurePeriod(run.periodFrom(), run.periodTo())).isEqualTo(run.totals());
        assertThat(periodRows(run.periodFrom(), run.periodTo())).isEqualTo(runPeriodRows);
    }

    @Test
    @Order(4)
    void twoCallersAskingForANewPeriodAtOnceStoreItOnce() throws Exception {
        LocalDate from = LocalDate.parse("2026-03-15");
        LocalDate to = LocalDate.parse("2026-04-14");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<PeriodTotals> ask = () -> new TransformJob(wh, ScenarioWarehouse.vortexConfig(dir)).ensurePeriod(from, to);
            List<Future<PeriodTotals>> answers = pool.invokeAll(List.of(ask, ask));
            assertThat(answers.get(0).get()).isEqualTo(answers.get(1).get());
            assertThat(answers.get(0).get().identityHolds()).isTrue();
        } finally {
            pool.shutdown();
        }
        List<String> rows = periodRows(from, to);
        assertThat(rows).isNotEmpty().doesNotHaveDuplicates();
        assertThat(job.ensurePeriod(from, to).gapLines()).isEqualByComparingTo(job.ensurePeriod(from, to).gap());
    }

    @Test
    @Order(5)
    void aPeriodThatEndsBeforeItStartsIsAClearError() {
        assertThatThrownBy(() -> job.ensurePeriod(APRIL_TO, APRIL_FROM))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2026-04-30").hasMessageContaining("2026-04-01");
    }

    @Test
    @Order(6)
    void beforeAnySuccessfulRunThereIsNothingToComputeFrom(@TempDir Path empty) {
        try (DuckDbWarehouse none = DuckDbWarehouse.open(empty.resolve("tieout.duckdb"))) {
            assertThatThrownBy(() -> new TransformJob(none, ScenarioWarehouse.vortexConfig(empty)).ensurePeriod(APRIL_FROM, APRIL_TO))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("no successful transform run yet");
        }
    }
}
