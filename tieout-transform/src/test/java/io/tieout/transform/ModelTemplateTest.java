package io.tieout.transform;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelTemplateTest {
    static final Map<String, String> VARS = Map.of("timezone", "'America/New_York'", "mapped_id_path", "'$.COMMERCE_CUSTOMER_ID'");

    /** Spells every macro as NAME[args] and remembers the calls in the order it got them. */
    static final class RecordingDialect implements Dialect {
        final List<String> calls = new ArrayList<>();

        @Override
        public String expand(String macro, List<String> args) {
            String out = macro.toUpperCase() + "[" + String.join(";", args) + "]";
            calls.add(out);
            return out;
        }

        @Override
        public String qualified(String schema, String table) {
            return schema + "." + table;
        }
    }

    @Test
    void nestedMacrosExpandInnermostFirstAndTheOuterGetsTheExpandedArguments() {
        RecordingDialect d = new RecordingDialect();

        String sql = ModelTemplate.expand("SELECT {{ outer({{ mid({{ inner(a) }}) }}, {{ inner(b) }}) }} FROM t", d, VARS);

        assertThat(d.calls).containsExactly("INNER[a]", "INNER[b]", "MID[INNER[a]]", "OUTER[MID[INNER[a]];INNER[b]]");
        assertThat(sql).isEqualTo("SELECT OUTER[MID[INNER[a]];INNER[b]] FROM t");
    }

    @Test
    void nestedDuckDbMacrosGiveTheComposedSql() {
        String sql = ModelTemplate.expand("{{ dec({{ json_str(payload, '$.total_ex_tax') }}) }}", new DuckDbDialect(), VARS);
        assertThat(sql).isEqualTo("TRY_CAST(json_extract_string(payload, '$.total_ex_tax') AS DECIMAL(18,4))");
    }

    @Test
    void aVarInsideAMacroArgumentIsReplacedByItsLiteralFirst() {
        String sql = ModelTemplate.expand("{{ local_date(created_at, {{ var('timezone') }}) }}", new DuckDbDialect(), VARS);
        assertThat(sql).isEqualTo("CAST(timezone('America/New_York', created_at) AS DATE)");
    }

    @Test
    void argumentsSplitOnlyOnTopLevelCommasOutsideQuotes() {
        assertThat(ModelTemplate.splitArgs("coalesce(a, b), 'x, y', [1, 2], 'it''s'"))
                .containsExactly("coalesce(a, b)", "'x, y'", "[1, 2]", "'it''s'");
    }

    @Test
    void refIsTheModelsSchemaQualifiedTable() {
        assertThat(ModelTemplate.expand("FROM {{ ref('int_commerce__orders') }} o", new DuckDbDialect(), VARS))
                .isEqualTo("FROM intermediate.int_commerce__orders o");
    }

    @Test
    void anUnknownMacroIsAnErrorNamingIt() {
        assertThatThrownBy(() -> ModelTemplate.expand("SELECT {{ frobnicate(a) }}", new DuckDbDialect(), VARS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("frobnicate");
    }

    @Test
    void aWrongNumberOfArgumentsIsAnErrorNamingTheMacroAndBothCounts() {
        assertThatThrownBy(() -> ModelTemplate.expand("SELECT {{ money(a, b) }}", new DuckDbDialect(), VARS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("money").hasMessageContaining("takes 1").hasMessageContaining("got 2");
    }

    @Test
    void refAndVarWithTheWrongNumberOfArgumentsAreErrorsNamingThem() {
        assertThatThrownBy(() -> ModelTemplate.expand("{{ ref() }}", new DuckDbDialect(), VARS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ref").hasMessageContaining("got 0");
        assertThatThrownBy(() -> ModelTemplate.expand("{{ ref('stg_a', 'stg_b') }}", new DuckDbDialect(), VARS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ref").hasMessageContaining("got 2");
        assertThatThrownBy(() -> ModelTemplate.expand("{{ var() }}", new DuckDbDialect(), VARS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("var").hasMessageContaining("got 0");
    }

    @Test
    void aVarTheRunDoesNotHaveIsAnErrorNamingTheVar() {
        assertThatThrownBy(() -> ModelTemplate.expand("WHERE d <= {{ var('period_too') }}", new DuckDbDialect(), VARS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("var('period_too')");
    }

    @Test
    void somethingBetweenBracesThatIsNotACallIsAnErrorQuotingIt() {
        assertThatThrownBy(() -> ModelTemplate.expand("SELECT {{ just words }}", new DuckDbDialect(), VARS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("{{ just words }}");
    }

    @Test
    void anUnclosedMacroIsAnErrorNotSqlWithBracesInIt() {
        assertThatThrownBy(() -> ModelTemplate.expand("SELECT {{ money(a) FROM t", new DuckDbDialect(), VARS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("{{ money(a) FROM t");
    }

    @Test
    void anExpansionErrorInAModelNamesTheModel() {
        ModelRunner runner = new ModelRunner(ModelCatalog.fromClassPath(), new DuckDbDialect());
        Model m = Model.parse("stg_shop__things", "SELECT {{ var('nope') }} AS x");
        assertThatThrownBy(() -> runner.expand(m, VARS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("stg_shop__things").hasMessageContaining("var('nope')");
    }
}
