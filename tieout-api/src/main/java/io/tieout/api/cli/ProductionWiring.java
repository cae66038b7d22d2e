package io.tieout.api.cli;

import io.tieout.api.bench.ProductionBenchmarks;
import io.tieout.api.bench.TransformBenchJob;
import io.tieout.api.demo.DemoConfig;
import io.tieout.api.demo.DemoPipelineJob;
import io.tieout.api.pipeline.PipelineRunJob;
import io.tieout.api.pipeline.SourceConnectors;
import io.tieout.cards.breakdown.RevenueGapBreakdownCard;
import io.tieout.config.TieoutConfig;
import io.tieout.warehouse.duckdb.DuckDbWarehouse;

import java.nio.file.Path;

/** The wiring of the real {@code tieout} binary. */
final class ProductionWiring {
    private ProductionWiring() {}

    static CliWiring create() {
        return new CliWiring(
                new DemoPipelineJob(new DemoConfig(Path.of("tieout.yaml"))),
                new ProductionBenchmarks(new TransformBenchJob(new DemoConfig(Path.of("tieout.yaml")))),
                config -> {
                    // Reading cards never calls a source, so missing source credentials fall back to the simulators'.
                    TieoutConfig cfg = new DemoConfig(config != null ? config : Path.of("tieout.yaml")).load();
                    DuckDbWarehouse wh = DuckDbWarehouse.open(cfg.warehouse().path());
                    return new OpenedBreakdownService(new RevenueGapBreakdownCard(wh, cfg), wh);
                },
                new PipelineRunJob(cfg -> new SourceConnectors(cfg.reporting().currency())));
    }
}
