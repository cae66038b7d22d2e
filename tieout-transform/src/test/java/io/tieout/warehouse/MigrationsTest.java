package io.tieout.warehouse;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MigrationsTest {
    Connection c;

    @BeforeEach
    void open() throws SQLException {
        c = DriverManager.getConnection("jdbc:duckdb:");
    }

    @AfterEach
    void close() throws SQLException {
        c.close();
    }

    List<String> rows(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder sb = new StringBuilder();
                for (int i = 1; i <= n; i++) sb.append(i > 1 ? " | " : "").append(rs.getString(i));
                out.add(sb.toString());
            }
        }
        return out;
    }

    /** Every column of every table the migrations made, and the applied versions with their times. */
    List<String> schema() throws SQLException {
        List<String> out = rows("SELECT table_schema, table_name, column_name, data_type, is_nullable FROM information_schema.columns "
                + "ORDER BY ALL");
        out.addAll(rows("SELECT version, name, applied_at FROM ops.schema_migrations ORDER BY version"));
        return out;
    }

    @Test
    void aFreshDatabaseGetsEveryMigrationRecordedInOrder() throws SQLException {
        assertThat(Migrations.apply(c)).isEqualTo(Migrations.FILES.size());
        assertThat(rows("SELECT name FROM ops.schema_migrations ORDER BY version")).isEqualTo(Migrations.FILES);
        assertThat(rows("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'raw' AND table_name = 'records'"))
                .containsExactly("1");
    }

    @Test
    void applyingMigrationsTwiceIsANoOp() throws SQLException {
        Migrations.apply(c);
        List<String> before = schema();

        assertThat(Migrations.apply(c)).isZero();

        assertThat(schema()).isEqualTo(before);
    }

    @Test
    void everyListedMigrationFileExists() {
        assertThat(Migrations.missingFiles()).isEmpty();
    }

    @Test
    void everyMigrationFileIsListedWithUniqueIncreasingVersions() throws IOException {
        Path dir = Path.of("src/main/resources/migrations");
        List<String> onDisk;
        try (Stream<Path> files = Files.list(dir)) {
            onDisk = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql")).sorted().toList();
        }
        assertThat(Migrations.FILES).isEqualTo(onDisk);
        List<Integer> versions = Migrations.FILES.stream().map(f -> Integer.parseInt(f.substring(1, f.indexOf("__")))).toList();
        assertThat(versions).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void aMigrationThatFailsHalfwayIsRolledBackAndNamedAndTheEarlierOnesStay() throws SQLException {
        List<String> files = List.of(Migrations.FILES.get(0), "V900__test_fails_halfway.sql");

        assertThatThrownBy(() -> Migrations.apply(c, files))
                .isInstanceOf(SQLException.class).hasMessageContaining("V900__test_fails_halfway.sql");

        assertThat(rows("SELECT version FROM ops.schema_migrations")).containsExactly("1");
        assertThat(rows("SELECT count(*) FROM information_schema.tables WHERE table_name = 'half_done'")).containsExactly("0");
        assertThat(c.getAutoCommit()).isTrue();
    }
}
