package io.tieout.transform;

import io.tieout.config.ConfigLoader;
import io.tieout.config.TieoutConfig;
import io.tieout.extract.RawRecord;
import io.tieout.sandbox.scenario.CausePlanter;
import io.tieout.sandbox.scenario.CommerceOrder;
import io.tieout.sandbox.scenario.CompanyBuilder;
import io.tieout.sandbox.scenario.CompanySettings;
import io.tieout.sandbox.scenario.DemoCompany;
import io.tieout.sandbox.scenario.FxCurve;
import io.tieout.sandbox.scenario.Scenario;
import io.tieout.sandbox.scenario.SourceRecord;
import io.tieout.warehouse.duckdb.DuckDbLandingSink;
import io.tieout.warehouse.duckdb.DuckDbWarehouse;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Random;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Test fixture: a warehouse in a temp dir with a scenario landed in raw, and the config that fits it. */
public final class ScenarioWarehouse {
    public static final String VORTEX_YAML = """
            company: Vortex Distribution Inc
            reporting:
              currency: USD
              timezone: America/New_York
              fxPolicy: %s
            revenueAccounts:
              ranges: ["4000-4999"]
              include: ["4900"]
              exclude: ["2200", "2300"]
            mapping:
              channelClass:
                B2B: WHOLESALE
                D2C: RETAIL_D2C
              countryEntity:
                US: VDI-US
                CA: VDI-CA
              defaultEntity: VDI-US
            warehouse:
              path: ./tieout.duckdb
            sources:
              - name: shopify-d2c
                type: shopify
                channel: D2C
                baseUrl: http://127.0.0.1:1
              - name: bigcommerce-b2b
                type: bigcommerce
                channel: B2B
                baseUrl: http://127.0.0.1:1
                storeHash: vortexb2b
              - name: intacct
                type: intacct
                baseUrl: http://127.0.0.1:1
              - name: fx
                type: fx
                ratesFile: fx-rates.csv
              - name: synclog
                type: synclog
            """;

    public static TieoutConfig vortexConfig(Path dir) {
        return vortexConfig(dir, "transaction_date");
    }

    public static TieoutConfig vortexConfig(Path dir, String fxPolicy) {
        return ConfigLoader.parse(VORTEX_YAML.formatted(fxPolicy), name -> null, dir);
    }

    public static DuckDbWarehouse landed(Path dir, Scenario scenario) {
        DuckDbWarehouse wh = DuckDbWarehouse.open(dir.resolve("tieout.duckdb"));
        land(wh, scenario.records());
        return wh;
    }

    public static void land(DuckDbWarehouse wh, List<SourceRecord> records) {
        DuckDbLandingSink sink = new DuckDbLandingSink(wh);
        List<RawRecord> batch = new ArrayList<>();
        for (SourceRecord r : records) {
            batch.add(new RawRecord(r.source(), r.object(), r.id(), r.updatedAt(), r.payload()));
            if (batch.size() == 5000) {
                sink.land("test", batch);
                batch.clear();
            }
        }
        sink.land("test", batch);
    }

    private static Scenario demo;
    private static Path demoLandedFile;

    /** The demo company, built once per JVM (it is immutable and deterministic). */
    static synchronized Scenario demo() {
        if (demo == null) demo = DemoCompany.build();
        return demo;
    }

    /** A warehouse in dir with the demo landed: a copy of one landing made once per JVM. */
    static synchronized DuckDbWarehouse demoLanded(Path dir) {
        try {
            if (demoLandedFile == null) {
                Path template = Files.createTempDirectory("tieout-demo-landed");
                landed(template, demo()).close();
                demoLandedFile = template.resolve("tieout.duckdb");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        Files.deleteIfExists(demoLandedFile);
                        Files.deleteIfExists(template);
                    } catch (IOException ignored) {
                        // a temp file left behind
                    }
                }));
            }
            Files.createDirectories(dir);
            Path file = dir.resolve("tieout.duckdb");
            Files.copy(demoLandedFile, file);
            return DuckDbWarehouse.open(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** GL line of the small company whose TR_TYPE is not 1 or -1: staging quarantines it. */
    static final SourceRecord SMALL_BROKEN_GL = new SourceRecord("intacct", "GLDETAIL", "990001", Instant.parse("2026-04-12T18:00:00Z"),
            "{\"RECORDNO\":\"990001\",\"ENTRY_DATE\":\"04/12/2026\",\"ACCOUNTNO\":\"4000\",\"TR_TYPE\":\"7\","
                    + "\"AMOUNT\":\"10.00\",\"BASECURR\":\"USD\",\"RECORDTYPE\":\"gljournal\",\"RECORDID\":\"GJ-990001\"}");
    /** A record of the small company whose payload is not JSON: landing quarantines it. */
    static final SourceRecord SMALL_UNREADABLE = new SourceRecord("intacct", "GLDETAIL", "990002", Instant.parse("2026-04-12T18:00:00Z"),
            "{\"RECORDNO\":\"990002\",");

    /**
     * A company of the demo's shape small enough that a transform takes moments: an order or two of
     * every planted cause on both platforms and both entities, refunds on both platforms, a manual
     * journal, a sync-log error, one GL line staging quarantines and one payload landing quarantines.
     * Every model has rows. Deterministic.
     */
    static Scenario smallCompany() {
        CompanySettings s = CompanySettings.vortex();
        FxCurve fx = new FxCurve().addLinear("CAD", new BigDecimal("0.7600"), new BigDecimal("0.7000"),
                LocalDate.parse("2026-02-01"), LocalDate.parse("2026-05-31"));
        CompanyBuilder b = new CompanyBuilder(s, fx);
        CausePlanter plant = new CausePlanter(b, new Random(7), 6, 4, new BigDecimal("0.08"), false);
        LocalDate d = LocalDate.parse("2026-04-10");
        for (int i = 0; i < 4; i++) plant.clean(plant.shopify(d.plusDays(i), new BigDecimal("150.00"), "USD"));
        for (int i = 0; i < 3; i++) plant.clean(plant.bigcommerce(d.plusDays(i), new BigDecimal("1400.00")));
        CommerceOrder cad = plant.canadian(d, new BigDecimal("5000.00"));
        plant.invoiceOn(cad, d.plusDays(10));
        CommerceOrder unmapped = plant.bigcommerceFor(d, new BigDecimal("800.00"), plant.unknownB2bCustomer(1), "US", "USD", "VX-B2B-");
        plant.unmapped(unmapped, "customer_missing");
        plant.syncLag(plant.shopifyAt(s.asOf().minus(Duration.ofHours(2)), new BigDecimal("90.00")));
        plant.voidedInIntacct(plant.bigcommerce(d.plusDays(3), new BigDecimal("700.00")));
        plant.pendingInvoicing(plant.bigcommerce(d.plusDays(4), new BigDecimal("600.00")));
        plant.misbooked(plant.bigcommerce(d.plusDays(5), new BigDecimal("900.00")), "class", "RETAIL_D2C");
        plant.ambiguous(plant.bigcommerce(d.plusDays(6), new BigDecimal("500.00")));
        plant.underInvoiced(plant.bigcommerce(d.plusDays(7), new BigDecimal("650.00")), new BigDecimal("25.00"));
        plant.manualJournal(d.plusDays(8), new BigDecimal("120.00"));
        plant.shopifyTest(d, new BigDecimal("99.00"));
        plant.cancelledInCommerceOnly(plant.shopify(d, new BigDecimal("200.00"), "USD"),
                d.plusDays(2).atTime(12, 0).atZone(s.zone()).toInstant());
        CommerceOrder refunded = plant.shopify(d, new BigDecimal("300.00"), "USD");
        plant.clean(refunded);
        plant.refund(refunded, refunded.createdAt().plus(Duration.ofDays(1)), new BigDecimal("40.00"), d.plusDays(1));
        CommerceOrder march = plant.shopify(LocalDate.parse("2026-03-10"), new BigDecimal("300.00"), "USD");
        plant.clean(march);
        plant.refund(march, march.createdAt().plus(Duration.ofDays(2)), new BigDecimal("50.00"), LocalDate.parse("2026-04-05"));
        CommerceOrder b2bRefunded = plant.bigcommerce(d.plusDays(2), new BigDecimal("1000.00"));
        plant.clean(b2bRefunded);
        plant.refund(b2bRefunded, b2bRefunded.createdAt().plus(Duration.ofDays(3)), new BigDecimal("100.00"), d.plusDays(5));
        CommerceOrder boundary = plant.shopify(LocalDate.parse("2026-03-31"), new BigDecimal("210.00"), "USD");
        plant.invoiceOn(boundary, LocalDate.parse("2026-04-02"));
        Scenario sc = b.build("small");

        List<SourceRecord> records = new ArrayList<>(sc.records());
        records.add(new SourceRecord("synclog", "errors", "e1", Instant.parse("2026-04-10T20:00:00Z"),
                "{\"orderNumber\":\"" + unmapped.number() + "\",\"message\":\"customer not found\",\"at\":\"2026-04-10T20:00:00Z\"}"));
        records.add(SMALL_BROKEN_GL);
        records.add(SMALL_UNREADABLE);
        return new Scenario(sc.name(), List.copyOf(records), sc.asOf(), sc.periodFrom(), sc.periodTo(), sc.truth());
    }

    private ScenarioWarehouse() {}
}
