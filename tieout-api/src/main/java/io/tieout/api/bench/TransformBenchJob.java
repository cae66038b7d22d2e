package io.tieout.api.bench;

import io.tieout.api.cli.BenchJob;
import io.tieout.api.cli.BenchTransformOptions;
import io.tieout.api.demo.DemoConfig;
import io.tieout.api.demo.ScenarioLanding;
import io.tieout.config.TieoutConfig;
import io.tieout.extract.LandingSink;
import io.tieout.sandbox.scenario.CompanySettings;
import io.tieout.sandbox.scenario.SyntheticCompany;
import io.tieout.transform.TransformJob;
import io.tieout.warehouse.duckdb.DuckDbLandingSink;
import io.tieout.warehouse.duckdb.DuckDbWarehouse;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code tieout bench transform --orders N}: a synthetic company of N orders (every cause planted)
 * landed into a fresh warehouse, then, in the same run, the full transform (every model and check)
 * and the floor — one scan of the same raw tables computing only C and G — and their ratio.
 */
public final class TransformBenchJob implements BenchJob {
    static final int CHUNK_ORDERS = 20_000;

    /** The floor: read every order and GL line once and sum them, no decomposition, no FX, no refunds. */
    static final String FLOOR_SQL = """
            SELECT
              (SELECT sum(CASE WHEN r.object = 'orders' AND s.type = 'shopify'
                               THEN TRY_CAST(json_extract_string(r.payload, '$.totalPriceSet.shopMoney.amount') AS DECIMAL(18,2))
                                  - TRY_CAST(json_extract_string(r.payload, '$.totalTaxSet.shopMoney.amount') AS DECIMAL(18,2))
                               WHEN r.object = 'orders' AND s.type = 'bigcommerce'
                               THEN TRY_CAST(json_extract_string(r.payload, '$.total_ex_tax') AS DECIMAL(18,4)) END)
                 FROM raw.records r JOIN ops.cfg_sources s ON s.source = r.source
                WHERE r.object = 'orders') AS commerce_floor,
              (SELECT sum(CASE WHEN json_extract_string(payload, '$.TR_TYPE') = '-1' THEN 1 ELSE -1 END
                          * TRY_CAST(json_extract_string(payload, '$.AMOUNT') AS DECIMAL(18,2)))
                 FROM raw.records
                WHERE object = 'GLDETAIL' AND json_extract_string(payload, '$.ACCOUNTNO') BETWEEN '4000' AND '4999') AS gl_floor
            """;

    private final DemoConfig config;

    public TransformBenchJob(DemoConfig config) {
        this.config = config;
    }

    @Override
    public void transform(BenchTransformOptions options, PrintWriter out) throws Exception {
        Path dir = Files.createTempDirectory("tieout-bench-");
        try {
            TieoutConfig cfg = config.load(dir.resolve("tieout.duckdb"));
            try (DuckDbWarehouse wh = DuckDbWarehouse.open(dir.resolve("tieout.duckdb"))) {
                long records = land(wh, options, out);
                // Warm-up-free on purpose: both timings are of one cold pass, like a scheduled run.
                resetPeakHeap();
                long t0 = System.nanoTime();
                TransformJob.Result run = new TransformJob(wh, cfg).run(CompanySettings.vortex().asOf());
                long transformNanos = System.nanoTime() - t0;
                long peakHeap = peakHeap();
                long t1 = System.nanoTime();
                BigDecimal[] floor = floor(wh);
                long floorNanos = System.nanoTime() - t1;
                out.printf("orders            %,d (%,d raw records)%n", options.orders(), records);
                out.printf("transform         %.2f s  (%d models + checks; identity holds: C %s, G %s, gap %s)%n",
                        transformNanos / 1e9, run.models().size(), run.totals().commerceRevenue(), run.totals().glRevenue(),
                        run.totals().gap());
                out.printf("floor             %.2f s  (one scan of raw computing only C and G: %s, %s)%n",
                        floorNanos / 1e9, floor[0], floor[1]);
                out.printf("ratio             %.1f  (transform / floor)%n", (double) transformNanos / floorNanos);
                out.printf("peak heap         %.1f MiB during the transform (max heap %.0f MiB)%n", peakHeap / 1048576.0,
                        Runtime.getRuntime().maxMemory() / 1048576.0);
                out.printf("slowest models    %s%n", slowest(run));
            }
        } finally {
            ProductionBenchmarks.delete(dir);
        }
    }

    private static long land(DuckDbWarehouse wh, BenchTransformOptions options, PrintWriter out) {
        DuckDbLandingSink sink = new DuckDbLandingSink(wh);
        AtomicLong records = new AtomicLong();
        long t0 = System.nanoTime();
        SyntheticCompany.generateInChunks(options.seed(), options.orders(), CHUNK_ORDERS, SyntheticCompany.Options.all(), chunk -> {
            LandingSink.LandingResult r = ScenarioLanding.land(sink, "bench", chunk);
            records.addAndGet(r.total());
        });
        out.printf("generated+landed  %.2f s%n", (System.nanoTime() - t0) / 1e9);
        out.flush();
        return records.get();
    }

    private static BigDecimal[] floor(DuckDbWarehouse wh) throws Exception {
        try (Connection c = wh.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(FLOOR_SQL)) {
            rs.next();
            return new BigDecimal[] {rs.getBigDecimal(1), rs.getBigDecimal(2)};
        }
    }

    private static String slowest(TransformJob.Result run) {
        return run.models().stream().sorted(Comparator.comparingLong(m -> -m.millis())).limit(4)
                .map(m -> m.model() + " " + m.millis() + " ms").reduce((a, b) -> a + ", " + b).orElse("");
    }

    private static void resetPeakHeap() {
        System.gc();
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) if (p.getType() == MemoryType.HEAP) p.resetPeakUsage();
    }

    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }
}
