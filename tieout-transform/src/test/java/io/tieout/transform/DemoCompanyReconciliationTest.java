package io.tieout.transform;

import io.tieout.sandbox.scenario.Scenario;
import io.tieout.warehouse.duckdb.DuckDbWarehouse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class DemoCompanyReconciliationTest {
    @TempDir static Path dir;
    static Scenario demo;
    static DuckDbWarehouse wh;
    static TransformJob.Result result;

    @BeforeAll
    static void runPipeline() {
        demo = ScenarioWarehouse.demo();
        wh = ScenarioWarehouse.demoLanded(dir);
        result = new TransformJob(wh, ScenarioWarehouse.vortexConfig(dir)).run(demo.asOf());
    }

    @AfterAll
    static void close() { wh.close(); }

    @Test
    void demoPeriodIsTheThirtyDaysBeforeAsOf() {
        assertThat(result.periodFrom()).hasToString("2026-04-02");
        assertThat(result.periodTo()).hasToString("2026-05-01");
    }

    @Test
    void commerceAndGlRevenueAreTheSection6Figures() {
        assertThat(result.totals().commerceRevenue()).isEqualByComparingTo("4820400.00");
        assertThat(result.totals().glRevenue()).isEqualByComparingTo("4616800.00");
        assertThat(result.totals().gap()).isEqualByComparingTo("203600.00");
        assertThat(result.totals().identityHolds()).isTrue();
    }

    @Test
    void everyCauseTiesOutToTheCent() throws Exception {
        Map<String, BigDecimal> byCause = sumBy("cause");
        System.out.println("causes: " + byCause + " truth " + demo.truth());
        assertThat(byCause.getOrDefault("unmapped_order", BigDecimal.ZERO)).isEqualByComparingTo("128400.00");
        assertThat(byCause.getOrDefault("sync_lag", BigDecimal.ZERO)).isEqualByComparingTo("28200.00");
        assertThat(byCause.getOrDefault("refund_timing", BigDecimal.ZERO)).isEqualByComparingTo("22400.00");
        assertThat(byCause.getOrDefault("currency_fx", BigDecimal.ZERO)).isEqualByComparingTo("14200.00");
        assertThat(byCause.getOrDefault("cancellation_mismatch", BigDecimal.ZERO)).isEqualByComparingTo("10400.00");
        assertThat(byCause.getOrDefault("class_attribution", BigDecimal.ZERO)).isEqualByComparingTo("0.00");
        assertThat(byCause.getOrDefault("unexplained", BigDecimal.ZERO)).isEqualByComparingTo("0.00");
    }

    private Map<String, BigDecimal> sumBy(String column) throws Exception {
        Map<String, BigDecimal> out = new TreeMap<>();
        try (Connection c = wh.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT " + column + ", sum(amount) FROM marts.fct_revenue_gap_lines GROUP BY 1")) {
            while (rs.next()) out.put(rs.getString(1), rs.getBigDecimal(2));
        }
        return out;
    }
}
