package io.tieout.api.cli;

/** The wiring of the real {@code tieout} binary. */
final class ProductionWiring {
    private ProductionWiring() {}

    static CliWiring create() {
        return new CliWiring(
                // TODO(pending DemoPipelineJob): the DemoJob that builds the demo warehouse and serves the API.
                (options, out) -> { throw new JobNotWiredException("demo"); },
                // TODO(pending TransformBenchJob): the BenchJob that times the transform on synthetic orders.
                (options, out) -> { throw new JobNotWiredException("bench transform"); },
                // TODO(pending RevenueGapBreakdownCard): open the warehouse named by the config and wrap it in
                // the card, e.g. new OpenedBreakdownService(new RevenueGapBreakdownCard(wh, cfg), wh).
                config -> { throw new JobNotWiredException("card revenue-gap-breakdown"); });
    }
}
