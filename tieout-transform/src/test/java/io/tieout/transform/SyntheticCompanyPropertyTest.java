package io.tieout.transform;

import io.tieout.sandbox.scenario.GroundTruth;
import io.tieout.sandbox.scenario.Scenario;
import io.tieout.sandbox.scenario.SyntheticCompany;
import io.tieout.sandbox.scenario.SyntheticCompany.Options;
import io.tieout.warehouse.duckdb.DuckDbWarehouse;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random companies with every cause planted at random: the pipeline must find exactly what was
 * planted, to the cent, for the company, every cause, every diagnosis and every attribution member.
 * <p>
 * One warehouse file per try, deleted after it. A run's time is almost all DuckDB binding the
 * models' SQL (about as long as executing them), so it hardly depends on the company's size; sizes
 * still lean to small companies.
 */
class SyntheticCompanyPropertyTest {
    private static final List<String> ATTRIBUTION = List.of("customer_mapping", "class_attribution", "item_mapping");
    private Path root;

    @BeforeProperty
    void tempRoot() throws IOException { root = Files.createTempDirectory("synthetic-property"); }

    @AfterProperty
    void removeRoot() throws IOException { delete(root); }

    @Property(tries = 100, shrinking = ShrinkingMode.OFF)
    void theTransformFindsExactlyThePlantedGapCausesToTheCent(@ForAll long seed, @ForAll("sizes") int orders,
                                                              @ForAll boolean taxInclusive, @ForAll("mostlyTrue") boolean multiCurrency,
                                                              @ForAll boolean intacctAverageRates)
            throws Exception {
        // The truth is stated for fxPolicy transaction_date whichever rate Intacct books EUR at.
        Options options = Options.all().withTaxInclusive(taxInclusive).withMultiCurrency(multiCurrency)
                .withIntacctMonthlyAverageRates(intacctAverageRates);
        Scenario sc = SyntheticCompany.generate(seed, orders, options);
        GroundTruth truth = sc.truth();
        assertThat(truth.sumOfCauses()).as("the generator's own identity").isEqualByComparingTo(truth.gap());

        Path dir = Files.createDirectories(root.resolve(sc.name()));
        try (DuckDbWarehouse wh = ScenarioWarehouse.landed(dir, sc)) {
            // TransformJob fails a run whose identity C - G = sum of gap lines fails.
            TransformJob.Result result = new TransformJob(wh, ScenarioWarehouse.vortexConfig(dir)).run(sc.asOf());
            assertThat(result.quarantined()).as("quarantined records").isZero();
            assertThat(result.totals().commerceRevenue()).as("C(P)").isEqualByComparingTo(truth.commerceRevenue());
            assertThat(result.totals().glRevenue()).as("G(P)").isEqualByComparingTo(truth.glRevenue());

            try (Connection c = wh.connect()) {
                assertThat(measured(c)).as("causes, diagnoses and attribution of %s (taxInclusive %s, multiCurrency %s, Intacct average rates %s)",
                        sc.name(), taxInclusive, multiCurrency, intacctAverageRates)
                        .isEqualTo(planted(truth));
                assertThat(classMembersWhoseIdentityFails(c, sc.periodFrom(), sc.periodTo()))
                        .as("class members where C_m - G_m differs from their gap lines").isEmpty();
            }
        } finally {
            delete(dir);
        }
    }

    @Provide
    Arbitrary<Integer> sizes() {
        return Arbitraries.frequency(Tuple.of(12, 50), Tuple.of(5, 100), Tuple.of(2, 200), Tuple.of(1, 400)).withoutEdgeCases();
    }

    @Provide
    Arbitrary<Boolean> mostlyTrue() { return Arbitraries.frequency(Tuple.of(3, true), Tuple.of(1, false)).withoutEdgeCases(); }

    /** Every figure the truth states, keyed by what it is; zero figures left out (a zero line is never published). */
    private static Map<String, String> planted(GroundTruth t) {
        Map<String, String> out = new TreeMap<>();
        t.causeAmounts().keySet().forEach(cause -> {
            put(out, "cause " + cause + " amount", t.causeAmount(cause));
            put(out, "cause " + cause + " orders", BigDecimal.valueOf(t.causeOrderCount(cause)));
        });
        t.diagnosisAmounts().keySet().forEach(d -> {
            put(out, "unmapped " + d + " amount", t.diagnosisAmount(d));
            put(out, "unmapped " + d + " orders", BigDecimal.valueOf(t.diagnosisOrderCount(d)));
        });
        for (String cause : ATTRIBUTION) {
            put(out, "attribution " + cause + " affected", t.affectedAmount(cause));
            t.memberNet(cause).forEach((member, net) -> put(out, "attribution " + cause + " member " + member, net));
        }
        return out;
    }

    /** The same figures read from marts.fct_revenue_gap_lines. */
    private static Map<String, String> measured(Connection c) throws SQLException {
        Map<String, String> out = new TreeMap<>();
        query(c, "SELECT cause, sum(amount), count(DISTINCT order_key) FROM marts.fct_revenue_gap_lines GROUP BY cause", rs -> {
            put(out, "cause " + rs.getString(1) + " amount", rs.getBigDecimal(2));
            put(out, "cause " + rs.getString(1) + " orders", BigDecimal.valueOf(rs.getLong(3)));
        });
        query(c, "SELECT diagnosis, sum(amount), count(DISTINCT order_key) FROM marts.fct_revenue_gap_lines "
                + "WHERE cause = 'unmapped_order' GROUP BY diagnosis", rs -> {
            put(out, "unmapped " + rs.getString(1) + " amount", rs.getBigDecimal(2));
            put(out, "unmapped " + rs.getString(1) + " orders", BigDecimal.valueOf(rs.getLong(3)));
        });
        // Attribution lines come in +x (expected member) / -x (booked member) pairs: affected = sum |x| / 2.
        query(c, "SELECT cause, sum(abs(amount)) FROM marts.fct_revenue_gap_lines "
                + "WHERE cause IN ('customer_mapping', 'class_attribution', 'item_mapping') GROUP BY cause",
                rs -> put(out, "attribution " + rs.getString(1) + " affected",
                        rs.getBigDecimal(2).divide(BigDecimal.valueOf(2), 2, java.math.RoundingMode.UNNECESSARY)));
        for (String[] cm : new String[][] {{"customer_mapping", "customer"}, {"class_attribution", "class_id"}, {"item_mapping", "item"}}) {
            query(c, "SELECT " + cm[1] + ", sum(amount) FROM marts.fct_revenue_gap_lines WHERE cause = '" + cm[0] + "' GROUP BY 1",
                    rs -> put(out, "attribution " + cm[0] + " member " + rs.getString(1), rs.getBigDecimal(2)));
        }
        return out;
    }

    /**
     * Per-member identity for the Class dimension (reconciliation.md §5): for each class member,
     * C_member - G_member = sum of that member's gap lines. C from the commerce orders and refunds by
     * their expected class, G from the GL revenue lines by their booked class, both in P.
     */
    static final String CLASS_MEMBER_IDENTITY = """
            WITH c AS (
                SELECT coalesce(expected_class, '(none)') AS member, revenue_rep AS amount
                FROM intermediate.int_commerce__orders
                WHERE order_date BETWEEN $1 AND $2 AND NOT is_cancelled
                UNION ALL
                SELECT coalesce(o.expected_class, '(none)'), -r.amount_rep
                FROM intermediate.int_commerce__refunds r
                JOIN intermediate.int_commerce__orders o ON o.order_key = r.order_key
                WHERE r.refund_date BETWEEN $1 AND $2 AND NOT o.is_cancelled
            ),
            g AS (
                SELECT coalesce(class_id, '(none)') AS member, amount_rep AS amount
                FROM intermediate.int_gl__revenue_lines WHERE entry_date BETWEEN $1 AND $2
            ),
            lines AS (
                SELECT coalesce(class_id, '(none)') AS member, amount
                FROM marts.fct_revenue_gap_lines WHERE period_from = $1 AND period_to = $2
            ),
            members AS (SELECT member FROM c UNION SELECT member FROM g UNION SELECT member FROM lines),
            per_member AS (
                SELECT m.member,
                       coalesce((SELECT sum(amount) FROM c WHERE c.member = m.member), 0)
                         - coalesce((SELECT sum(amount) FROM g WHERE g.member = m.member), 0) AS gap,
                       coalesce((SELECT sum(amount) FROM lines l WHERE l.member = m.member), 0) AS gap_lines
                FROM members m
            )
            SELECT member, gap, gap_lines FROM per_member WHERE gap <> gap_lines ORDER BY member
            """;

    static List<String> classMembersWhoseIdentityFails(Connection c, LocalDate from, LocalDate to) throws SQLException {
        List<String> out = new java.util.ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(CLASS_MEMBER_IDENTITY)) {
            ps.setObject(1, from);
            ps.setObject(2, to);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getString(1) + ": C - G = " + rs.getBigDecimal(2) + ", gap lines " + rs.getBigDecimal(3));
            }
        }
        return out;
    }

    private static void put(Map<String, String> out, String key, BigDecimal value) {
        if (value != null && value.signum() != 0) out.put(key, value.setScale(2).toPlainString());
    }

    interface Row { void accept(ResultSet rs) throws SQLException; }

    private static void query(Connection c, String sql, Row row) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) row.accept(rs);
        }
    }

    private static void delete(Path p) throws IOException {
        if (p == null || !Files.exists(p)) return;
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path f : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(f);
        }
    }
}
