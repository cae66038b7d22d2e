package io.tieout.api.cli;

import java.util.Objects;

/** What the commands delegate to; {@link TieoutCli#main} uses {@link ProductionWiring}, tests their own. */
public record CliWiring(DemoJob demo, BenchJob bench, BreakdownServiceFactory breakdowns, RunJob runs) {
    public CliWiring {
        Objects.requireNonNull(runs, "runs");
        Objects.requireNonNull(demo, "demo");
        Objects.requireNonNull(bench, "bench");
        Objects.requireNonNull(breakdowns, "breakdowns");
    }
}
