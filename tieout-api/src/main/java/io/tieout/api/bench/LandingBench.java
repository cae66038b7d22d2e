package io.tieout.api.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tieout.extract.RawRecord;
import io.tieout.sandbox.scenario.SourceRecord;
import io.tieout.sandbox.scenario.SyntheticCompany;
import io.tieout.warehouse.duckdb.DuckDbLandingSink;
import io.tieout.warehouse.duckdb.DuckDbWarehouse;

import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Landing throughput: the same records landed through {@link DuckDbLandingSink} (batches of 5,000,
 * each one MERGE transaction) and read by DuckDB itself from NDJSON in one statement, same run.
 */
final class LandingBench {
    private static final ObjectMapper JSON = new ObjectMapper();

    private LandingBench() {}

    static void run(int n, Path dir, PrintWriter out) throws Exception {
        List<SourceRecord> records = new ArrayList<>(n);
        SyntheticCompany.generateInChunks(7, Math.max(100, n / 8), 20_000, SyntheticCompany.Options.all(), chunk -> {
            for (SourceRecord r : chunk.records()) if (records.size() < n) records.add(r);
        });
        Path ndjson = dir.resolve("records.ndjson");
        try (BufferedWriter w = Files.newBufferedWriter(ndjson)) {
            for (SourceRecord r : records) {
                ObjectNode o = JSON.createObjectNode();
                o.put("source", r.source()).put("object", r.object()).put("id", r.id())
                        .put("updated_at", r.updatedAt().toString()).put("payload", r.payload());
                w.write(JSON.writeValueAsString(o));
                w.newLine();
            }
        }
        double sink;
        try (DuckDbWarehouse wh = DuckDbWarehouse.open(dir.resolve("sink.duckdb"))) {
            DuckDbLandingSink landing = new DuckDbLandingSink(wh);
            long t0 = System.nanoTime();
            for (int i = 0; i < records.size(); i += 5_000) {
                List<RawRecord> batch = new ArrayList<>();
                for (SourceRecord r : records.subList(i, Math.min(records.size(), i + 5_000))) {
                    batch.add(new RawRecord(r.source(), r.object(), r.id(), r.updatedAt(), r.payload()));
                }
                landing.land("bench", batch);
            }
            sink = records.size() / ((System.nanoTime() - t0) / 1e9);
        }
        double bulk;
        try (DuckDbWarehouse wh = DuckDbWarehouse.open(dir.resolve("bulk.duckdb")); Connection c = wh.connect();
             Statement st = c.createStatement()) {
            long t0 = System.nanoTime();
            st.execute("CREATE TABLE bulk AS SELECT * FROM read_json('" + ndjson.toAbsolutePath() + "', format = 'newline_delimited', "
                    + "columns = {source: 'VARCHAR', object: 'VARCHAR', id: 'VARCHAR', updated_at: 'TIMESTAMPTZ', payload: 'VARCHAR'})");
            bulk = records.size() / ((System.nanoTime() - t0) / 1e9);
        }
        out.printf("records           %,d%n", records.size());
        out.printf("landing sink      %,.0f records/s (MERGE per 5,000-record batch, newest-wins, JSON checked)%n", sink);
        out.printf("DuckDB bulk read  %,.0f records/s (read_json of the same NDJSON, one statement)%n", bulk);
        out.printf("ratio             %.2f  (sink / bulk; target >= 0.5)%n", sink / bulk);
    }
}
