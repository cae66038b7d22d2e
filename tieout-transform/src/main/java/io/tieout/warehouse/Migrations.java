package io.tieout.warehouse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Versioned schema migrations: {@code migrations/V###__name.sql} on the class path, applied in order,
 * each in its own transaction and recorded in {@code ops.schema_migrations}, so a warehouse of any age
 * upgrades to the current schema and a crash mid-migration leaves the previous version intact.
 */
public final class Migrations {
    /** Listed explicitly: class-path directories cannot be listed portably from a jar. */
    static final List<String> FILES = List.of("V001__schemas_and_ops.sql", "V002__cursors_and_source_runs.sql",
            "V003__alerts.sql");

    private Migrations() {}

    public static int apply(Connection connection) throws SQLException {
        return apply(connection, FILES);
    }

    /** Applies the given migration files (class-path resources under migrations/) that are not applied yet. */
    static int apply(Connection connection, List<String> files) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("CREATE SCHEMA IF NOT EXISTS ops");
            st.execute("CREATE TABLE IF NOT EXISTS ops.schema_migrations (version INTEGER PRIMARY KEY, "
                    + "name VARCHAR NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())");
        }
        int applied = 0;
        boolean autoCommit = connection.getAutoCommit();
        for (String file : files) {
            int version = Integer.parseInt(file.substring(1, file.indexOf("__")));
            if (isApplied(connection, version)) continue;
            connection.setAutoCommit(false);
            try (Statement st = connection.createStatement()) {
                for (String sql : SqlScript.statements(read("migrations/" + file))) st.execute(sql);
                try (PreparedStatement ps = connection.prepareStatement(
                        "INSERT INTO ops.schema_migrations (version, name) VALUES (?, ?)")) {
                    ps.setInt(1, version);
                    ps.setString(2, file);
                    ps.executeUpdate();
                }
                connection.commit();
                applied++;
            } catch (SQLException e) {
                connection.rollback();
                throw new SQLException("migration " + file + " failed: " + e.getMessage(), e);
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
        return applied;
    }

    private static boolean isApplied(Connection connection, int version) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT 1 FROM ops.schema_migrations WHERE version = ?")) {
            ps.setInt(1, version);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    static String read(String resource) {
        try (InputStream in = Migrations.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing class-path resource " + resource);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keeps the list above honest: every listed file exists. */
    static List<String> missingFiles() {
        List<String> missing = new ArrayList<>();
        for (String f : FILES) {
            if (Migrations.class.getClassLoader().getResource("migrations/" + f) == null) missing.add(f);
        }
        return missing;
    }
}
