package io.tieout.cards;

import io.tieout.config.TieoutConfig;
import io.tieout.sandbox.scenario.DemoCompany;
import io.tieout.sandbox.scenario.Scenario;
import io.tieout.transform.ScenarioWarehouse;
import io.tieout.transform.TransformJob;
import io.tieout.warehouse.duckdb.DuckDbWarehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.stream.Stream;

/** The demo company landed and transformed once per test JVM, shared by the read-only card tests. */
public final class DemoFixture {
    public static final Period DEMO = new Period(LocalDate.parse("2026-04-02"), LocalDate.parse("2026-05-01"));
    private static DuckDbWarehouse warehouse;
    private static TieoutConfig config;
    private static Scenario scenario;

    private DemoFixture() {}

    public static synchronized DuckDbWarehouse warehouse() {
        if (warehouse == null) {
            try {
                Path dir = Files.createTempDirectory("cards-demo");
                scenario = DemoCompany.build();
                warehouse = ScenarioWarehouse.landed(dir, scenario);
                config = ScenarioWarehouse.vortexConfig(dir);
                new TransformJob(warehouse, config).run(scenario.asOf());
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    warehouse.close();
                    delete(dir);
                }));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return warehouse;
    }

    public static synchronized TieoutConfig config() {
        warehouse();
        return config;
    }

    public static synchronized Scenario scenario() {
        warehouse();
        return scenario;
    }

    public static void delete(Path p) {
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path f : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(f);
        } catch (IOException ignored) {
            // a temp file left behind
        }
    }
}
