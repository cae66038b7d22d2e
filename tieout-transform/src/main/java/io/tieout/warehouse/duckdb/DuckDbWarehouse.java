package io.tieout.warehouse.duckdb;

import io.tieout.warehouse.Migrations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The embedded default engine: one DuckDB file. DuckDB allows one writing process, so this object
 * owns the file for the life of the process; readers elsewhere open the published snapshot.
 * Connections handed out share one database instance (duplicates of the root connection).
 */
public final class DuckDbWarehouse implements AutoCloseable {
    private final Path file;
    private final Connection root;
    private final ReentrantLock modelWrites = new ReentrantLock();

    private DuckDbWarehouse(Path file, Connection root) {
        this.file = file;
        this.root = root;
    }

    /** Opens (creating if needed) the warehouse file and upgrades its schema. */
    public static DuckDbWarehouse open(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            Connection c = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath());
            Migrations.apply(c);
            return new DuckDbWarehouse(file, c);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open warehouse " + file + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the warehouse directory for " + file, e);
        }
    }

    /** A new connection to the same database; the caller closes it. */
    public Connection connect() {
        try {
            return ((org.duckdb.DuckDBConnection) root).duplicate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect to warehouse " + file + ": " + e.getMessage(), e);
        }
    }

    public Path file() { return file; }

    /**
     * Held by whoever writes the model tables (a transform run, a period added on demand) for the whole
     * of its transaction. DuckDB does not make two transactions that append the same rows conflict, so
     * two callers computing one period at once would both store it; this lock makes them take turns.
     */
    public ReentrantLock modelWriteLock() { return modelWrites; }

    @Override
    public void close() {
        try {
            root.close();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot close warehouse " + file, e);
        }
    }
}
