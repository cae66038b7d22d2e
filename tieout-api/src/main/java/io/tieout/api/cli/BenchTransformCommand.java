package io.tieout.api.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code tieout bench transform --orders N [--seed S]}; the work is the {@link BenchJob}'s. */
@Command(name = "transform", mixinStandardHelpOptions = true,
        description = "Time the transform over a synthetic data set.")
final class BenchTransformCommand implements Callable<Integer> {
    static final long DEFAULT_SEED = 42L;

    @Spec
    CommandSpec spec;

    @Option(names = "--orders", paramLabel = "N", required = true, description = "Number of synthetic commerce orders.")
    int orders;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "" + DEFAULT_SEED,
            description = "Seed of the generator (same seed, same data). Default: ${DEFAULT-VALUE}.")
    long seed;

    private final BenchJob job;

    BenchTransformCommand(BenchJob job) {
        this.job = job;
    }

    @Override
    public Integer call() throws Exception {
        if (orders <= 0) throw new ParameterException(spec.commandLine(), "--orders must be positive, not " + orders);
        // The BenchJob implementation (pending: TransformBenchJob, see ProductionWiring) does the work.
        job.transform(new BenchTransformOptions(orders, seed), spec.commandLine().getOut());
        return TieoutCli.EXIT_OK;
    }
}
