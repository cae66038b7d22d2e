package io.tieout.transform;

import io.tieout.config.ConfigLoader;
import io.tieout.config.TieoutConfig;
import io.tieout.extract.RawRecord;
import io.tieout.sandbox.scenario.Scenario;
import io.tieout.sandbox.scenario.SourceRecord;
import io.tieout.warehouse.duckdb.DuckDbLandingSink;
import io.tieout.warehouse.duckdb.DuckDbWarehouse;

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
              - name: intacct
                type: intacct
                baseUrl: http://127.0.0.1:1
              - name: fx
                type: fx
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

    private ScenarioWarehouse() {}
}
