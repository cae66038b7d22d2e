package io.tieout.transform;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelCatalogTest {
    /** Models in index order; each given as name followed by the models it refs. */
    static Map<String, Model> index(String[]... models) {
        Map<String, Model> byName = new LinkedHashMap<>();
        for (String[] m : models) {
            StringBuilder sql = new StringBuilder("SELECT 1");
            for (int i = 1; i < m.length; i++) sql.append(" UNION ALL SELECT 1 FROM {{ ref('").append(m[i]).append("') }}");
            byName.put(m[0], Model.parse(m[0], sql.toString()));
        }
        return byName;
    }

    static List<String> order(Map<String, Model> byName) {
        return ModelCatalog.topological(byName).stream().map(Model::name).toList();
    }

    @Test
    void modelsWithoutRefsKeepIndexOrder() {
        assertThat(order(index(new String[] {"stg_c"}, new String[] {"stg_a"}, new String[] {"stg_b"})))
                .containsExactly("stg_c", "stg_a", "stg_b");
    }

    @Test
    void aModelComesAfterEveryModelItRefs() {
        assertThat(order(index(new String[] {"fct_x", "int_y"}, new String[] {"int_y", "stg_z"}, new String[] {"stg_z"})))
                .containsExactly("stg_z", "int_y", "fct_x");
    }

    @Test
    void amongModelsReadyToRunTheEarliestInTheIndexGoesFirst() {
        // int_c refs stg_b before stg_a, but stg_a is earlier in the index: ref order does not decide.
        assertThat(order(index(new String[] {"int_c", "stg_b", "stg_a"}, new String[] {"stg_a"}, new String[] {"stg_b"})))
                .containsExactly("stg_a", "stg_b", "int_c");
        // fct_d waits for stg_a, which the index lists last; stg_b and int_c go as early as the index says.
        assertThat(order(index(new String[] {"fct_d", "stg_a"}, new String[] {"stg_b"}, new String[] {"int_c", "stg_b"},
                new String[] {"stg_a"})))
                .containsExactly("stg_b", "int_c", "stg_a", "fct_d");
    }

    @Test
    void aCycleIsReportedWithItsPath() {
        Map<String, Model> cyclic = index(new String[] {"fct_x", "int_a"}, new String[] {"int_a", "int_b"},
                new String[] {"int_b", "int_a"});
        assertThatThrownBy(() -> ModelCatalog.topological(cyclic))
                .isInstanceOf(IllegalStateException.class)
                // Only the loop itself: fct_x waits on it but is not part of it.
                .hasMessage("models ref each other in a cycle: int_a -> int_b -> int_a");
    }

    @Test
    void aModelThatRefsItselfIsACycle() {
        assertThatThrownBy(() -> ModelCatalog.topological(index(new String[] {"int_a", "int_a"})))
                .isInstanceOf(IllegalStateException.class).hasMessageEndingWith("int_a -> int_a");
    }

    @Test
    void aRefToAnUnknownModelIsReportedWithBothNames() {
        assertThatThrownBy(() -> ModelCatalog.topological(index(new String[] {"int_a", "stg_missing"})))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("int_a").hasMessageContaining("unknown model stg_missing");
    }

    @Test
    void aModelListedTwiceInTheIndexIsReported() {
        Map<String, String> files = Map.of("staging/stg_a.sql", "SELECT 1", "other/stg_a.sql", "SELECT 2");
        assertThatThrownBy(() -> ModelCatalog.fromIndex("staging/stg_a.sql\nother/stg_a.sql\n", files::get))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("stg_a").hasMessageContaining("staging/stg_a.sql").hasMessageContaining("other/stg_a.sql");
    }

    @Test
    void theShippedCatalogRunsEveryModelAfterItsRefs() {
        List<Model> models = ModelCatalog.fromClassPath().models();
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < models.size(); i++) position.put(models.get(i).name(), i);
        for (Model m : models) {
            for (String ref : m.refs()) {
                assertThat(position.get(ref)).as("%s refs %s", m.name(), ref).isLessThan(position.get(m.name()));
            }
        }
        assertThat(models).extracting(Model::name).contains("fct_revenue_gap_lines");
    }

    @Test
    void everyModelFileIsListedInTheIndex() throws IOException {
        Path root = Path.of("src/main/resources/models");
        List<String> onDisk;
        try (Stream<Path> files = Files.walk(root)) {
            onDisk = files.filter(p -> p.toString().endsWith(".sql")).map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        }
        List<String> listed = Files.readAllLines(root.resolve("index.txt")).stream().map(String::trim)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).sorted().toList();
        assertThat(onDisk).isNotEmpty().isEqualTo(listed);
    }
}
