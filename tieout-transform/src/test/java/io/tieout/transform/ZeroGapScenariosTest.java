package io.tieout.transform;

import io.tieout.sandbox.scenario.Scenario;
import io.tieout.sandbox.scenario.SyntheticCompany;
import io.tieout.sandbox.scenario.SyntheticCompany.Options;
import io.tieout.warehouse.duckdb.DuckDbWarehouse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Companies whose books are right (correct postings plus harmless noise: test orders, refunds with
 * same-day memos, orders cancelled on both sides, orders wholly outside P) must show a gap of exactly
 * zero and not a single gap line (reconciliation.md §1, §2).
 */
class ZeroGapScenariosTest {
    private static final long SEED = 20260502L;
    private static final int ORDERS = 200;

    @TempDir Path dir;

    @Test
    void aCleanCompanyShowsAGapOfExactlyZeroAndNoGapLine() throws Exception {
        try (Run run = run(SyntheticCompany.generate(SEED, ORDERS, Options.clean()), "transaction_date")) {
            run.assertZeroGap();
        }
    }

    @Test
    void aVatInclusiveStoreWithCorrectPostingsShowsAGapOfExactlyZero() throws Exception {
        try (Run run = run(SyntheticCompany.generate(SEED, ORDERS, Options.cleanVatInclusive()), "transaction_date")) {
            run.assertZeroGap();
            assertThat(run.count("SELECT count(*) FROM staging.stg_shopify__orders WHERE taxes_included")).as("tax-inclusive orders").isPositive();
            assertThat(run.count("SELECT count(*) FROM staging.stg_intacct__gl_detail WHERE account_no = '2200' AND base_amount_signed <> 0"))
                    .as("VAT posted to tax payable, not revenue").isPositive();
        }
    }

    @Test
    void aMultiCurrencyCompanyWithCorrectPostingsShowsAGapOfExactlyZero() throws Exception {
        try (Run run = run(SyntheticCompany.generate(SEED, ORDERS, Options.cleanMultiCurrency()), "transaction_date")) {
            run.assertZeroGap();
            run.assertForeignCurrencyOrdersInP();
        }
    }

    @Test
    void aMultiCurrencyCompanyWithCorrectPostingsShowsAGapOfExactlyZeroUnderPeriodAverageRates() throws Exception {
        // Correct postings for a period_average company: Intacct books EUR at the month's average
        // rate; the CAD sub's documents are in its own currency and Tieout converts both sides.
        Options options = Options.cleanMultiCurrency().withIntacctMonthlyAverageRates(true);
        try (Run run = run(SyntheticCompany.generate(SEED, ORDERS, options), "period_average")) {
            run.assertZeroGap();
            run.assertForeignCurrencyOrdersInP();
        }
    }

    @Test
    void underPeriodAverageEurBookedAtDailyRatesIsExplainedAsCurrencyFxOnly() throws Exception {
        // Intacct converted EUR at the posting date's rate while C uses the month's average: the
        // difference is the rate's, every cent of it currency_fx on EUR orders, nothing unexplained.
        try (Run run = run(SyntheticCompany.generate(SEED, ORDERS, Options.cleanMultiCurrency()), "period_average")) {
            assertThat(run.result.totals().identityHolds()).isTrue();
            assertThat(run.rows("SELECT DISTINCT l.cause || ' ' || o.currency FROM marts.fct_revenue_gap_lines l "
                    + "JOIN intermediate.int_commerce__orders o ON o.order_key = l.order_key"))
                    .containsExactly("currency_fx EUR");
            assertThat(run.count("SELECT count(*) FROM marts.fct_revenue_gap_lines WHERE order_key IS NULL")).isZero();
        }
    }

    private Run run(Scenario sc, String fxPolicy) {
        DuckDbWarehouse wh = ScenarioWarehouse.landed(dir, sc);
        try {
            return new Run(sc, fxPolicy, wh, new TransformJob(wh, ScenarioWarehouse.vortexConfig(dir, fxPolicy)).run(sc.asOf()));
        } catch (RuntimeException e) {
            wh.close();
            throw e;
        }
    }

    private record Run(Scenario scenario, String fxPolicy, DuckDbWarehouse wh, TransformJob.Result result) implements AutoCloseable {
        void assertZeroGap() throws SQLException {
            assertThat(result.quarantined()).as("quarantined records").isZero();
            assertThat(result.totals().commerceRevenue()).as("C(P)").isPositive();
            // The generator states C at each day's rate, i.e. for fxPolicy transaction_date.
            if (fxPolicy.equals("transaction_date")) {
                assertThat(result.totals().commerceRevenue()).as("C(P)").isEqualByComparingTo(scenario.truth().commerceRevenue());
            }
            assertThat(result.totals().gap()).as("C - G").isEqualTo(new BigDecimal("0.00"));
            assertThat(rows("SELECT cause || ' ' || coalesce(order_key, gl_key) || ' ' || amount FROM marts.fct_revenue_gap_lines"))
                    .as("gap lines").isEmpty();
        }

        void assertForeignCurrencyOrdersInP() throws SQLException {
            assertThat(rows("SELECT DISTINCT currency FROM intermediate.int_commerce__orders "
                    + "WHERE order_date BETWEEN DATE '" + scenario.periodFrom() + "' AND DATE '" + scenario.periodTo() + "' ORDER BY 1"))
                    .containsExactly("CAD", "EUR", "USD");
            assertThat(count("SELECT count(*) FROM intermediate.int_gl__revenue_lines WHERE entity_id = 'VDI-CA'")).isPositive();
        }

        long count(String sql) throws SQLException {
            try (Connection c = wh.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        }

        List<String> rows(String sql) throws SQLException {
            List<String> out = new ArrayList<>();
            try (Connection c = wh.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                while (rs.next()) out.add(rs.getString(1));
            }
            return out;
        }

        @Override
        public void close() { wh.close(); }
    }
}
