package io.tieout.api.bench;

import io.tieout.extract.ExtractContext;
import io.tieout.extract.bigcommerce.BigCommerceConfig;
import io.tieout.extract.bigcommerce.BigCommerceConnector;
import io.tieout.sandbox.bigcommerce.BigCommerceQuota;
import io.tieout.sandbox.bigcommerce.BigCommerceSimulator;
import io.tieout.sandbox.scenario.CompanySettings;
import io.tieout.sandbox.scenario.Scenario;
import io.tieout.sandbox.scenario.SyntheticCompany;
import io.tieout.warehouse.duckdb.DuckDbLandingSink;
import io.tieout.warehouse.duckdb.DuckDbWarehouse;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * Extraction throughput: the BigCommerce connector against its simulator on a quota of 150 requests
 * per 3 s window (50 requests/s), real clock: requests per second achieved as a ratio of the limit,
 * and how many 429s it took (a paced client needs none).
 */
final class ExtractBench {
    static final int QUOTA = 150;
    static final Duration WINDOW = Duration.ofSeconds(3);

    private ExtractBench() {}

    static void run(int orders, Path dir, PrintWriter out) throws Exception {
        Scenario company = SyntheticCompany.generate(11, orders, SyntheticCompany.Options.clean());
        CompanySettings s = CompanySettings.vortex();
        try (BigCommerceSimulator sim = BigCommerceSimulator.start(0, BigCommerceSimulator.recordsOf(company.records(),
                s.bigcommerceSource()), "bench", "bench-token", new BigCommerceQuota(QUOTA, WINDOW, Clock.systemUTC()));
             DuckDbWarehouse wh = DuckDbWarehouse.open(dir.resolve("extract.duckdb"))) {
            DuckDbLandingSink sink = new DuckDbLandingSink(wh);
            ExtractContext ctx = new ExtractContext("bench", sink, sink, company.asOf(), Duration.ZERO, line -> { });
            long t0 = System.nanoTime();
            new BigCommerceConnector(new BigCommerceConfig(s.bigcommerceSource(), sim.baseUrl(), "bench", "bench-token")).extract(ctx);
            double seconds = (System.nanoTime() - t0) / 1e9;
            double limit = QUOTA / (double) WINDOW.toSeconds();
            double achieved = ctx.stats().requests() / seconds;
            out.printf("requests          %,d in %.1f s (%,d records)%n", ctx.stats().requests(), seconds, ctx.stats().records());
            out.printf("limit             %.0f requests/s (%d per %d s window)%n", limit, QUOTA, WINDOW.toSeconds());
            out.printf("achieved          %.1f requests/s%n", achieved);
            out.printf("ratio             %.2f  (achieved / limit; target >= 0.9)%n", achieved / limit);
            out.printf("429s              %d (the simulator served %d)%n", ctx.stats().throttledCount(), sim.tooManyRequestsServed());
        }
    }
}
