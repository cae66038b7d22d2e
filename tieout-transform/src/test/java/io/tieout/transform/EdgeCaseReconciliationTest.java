package io.tieout.transform;

import io.tieout.sandbox.scenario.CausePlanter;
import io.tieout.sandbox.scenario.CommerceOrder;
import io.tieout.sandbox.scenario.CompanyBuilder;
import io.tieout.sandbox.scenario.CompanySettings;
import io.tieout.sandbox.scenario.FxCurve;
import io.tieout.sandbox.scenario.Scenario;
import io.tieout.sandbox.scenario.SourceRecord;
import io.tieout.warehouse.duckdb.DuckDbWarehouse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** Cases the generated companies do not reach on their own. */
class EdgeCaseReconciliationTest {
    @TempDir Path dir;

    @Test
    void aLineBookedWithNoClassMovesItsAmountToTheNoneMemberAndKeepsEveryClassTiedOut() throws Exception {
        CompanyBuilder b = new CompanyBuilder(CompanySettings.vortex(), new FxCurve());
        CausePlanter plant = new CausePlanter(b, new Random(7), 5, 5, new BigDecimal("0.08"), false);
        CommerceOrder o = plant.bigcommerce(LocalDate.parse("2026-04-10"), new BigDecimal("100.00"));
        plant.invoiceOn(o, LocalDate.parse("2026-04-10"), b.expected(o).withClass(null));
        Scenario sc = b.build("class-blank");
        try (DuckDbWarehouse wh = ScenarioWarehouse.landed(dir, sc)) {
            TransformJob.Result r = new TransformJob(wh, ScenarioWarehouse.vortexConfig(dir)).run(sc.asOf());
            assertThat(r.totals().gap()).isEqualByComparingTo("0.00");
            Map<String, BigDecimal> byClass = sums(wh, "SELECT class_id, sum(amount) FROM marts.fct_revenue_gap_lines "
                    + "WHERE cause = 'class_attribution' GROUP BY 1");
            assertThat(byClass).containsOnlyKeys("WHOLESALE", "(none)");
            assertThat(byClass.get("WHOLESALE")).isEqualByComparingTo("100.00");
            assertThat(byClass.get("(none)")).isEqualByComparingTo("-100.00");
        }
    }

    @Test
    void aCompanyInTheReportingCurrencyOnlyNeedsNoRates() {
        CompanyBuilder b = new CompanyBuilder(CompanySettings.vortex(), new FxCurve());
        CausePlanter plant = new CausePlanter(b, new Random(8), 5, 5, new BigDecimal("0.08"), false);
        CommerceOrder o = plant.bigcommerce(LocalDate.parse("2026-04-10"), new BigDecimal("250.00"));
        plant.invoiceOn(o, LocalDate.parse("2026-05-03"));  // posted after P and after T: period boundary
        Scenario sc = b.build("usd-only");
        List<SourceRecord> noRates = sc.records().stream().filter(r -> !r.source().equals("fx")).toList();
        try (DuckDbWarehouse wh = DuckDbWarehouse.open(dir.resolve("tieout.duckdb"))) {
            ScenarioWarehouse.land(wh, noRates);
            TransformJob.Result r = new TransformJob(wh, ScenarioWarehouse.vortexConfig(dir)).run(sc.asOf());
            assertThat(r.totals().commerceRevenue()).isEqualByComparingTo("250.00");
            assertThat(r.totals().gap()).isEqualByComparingTo(sc.truth().gap());
            assertThat(sc.truth().causeAmount("period_boundary")).isEqualByComparingTo("250.00");
        }
    }

    private static Map<String, BigDecimal> sums(DuckDbWarehouse wh, String sql) throws Exception {
        Map<String, BigDecimal> out = new TreeMap<>();
        try (Connection c = wh.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) out.put(rs.getString(1), rs.getBigDecimal(2));
        }
        return out;
    }
}
