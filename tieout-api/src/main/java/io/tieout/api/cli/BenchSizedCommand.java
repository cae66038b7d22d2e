package io.tieout.api.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code tieout bench landing --records N} and {@code tieout bench extract --orders N}. */
abstract class BenchSizedCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    final BenchJob job;

    BenchSizedCommand(BenchJob job) {
        this.job = job;
    }

    abstract int size();

    abstract void run(int size) throws Exception;

    @Override
    public Integer call() throws Exception {
        if (size() <= 0) throw new ParameterException(spec.commandLine(), "the size must be positive, not " + size());
        run(size());
        return TieoutCli.EXIT_OK;
    }

    @Command(name = "landing", mixinStandardHelpOptions = true,
            description = "Landing throughput: the landing sink against DuckDB's bulk read of the same JSON.")
    static final class Landing extends BenchSizedCommand {
        @Option(names = "--records", paramLabel = "N", defaultValue = "200000", description = "Default: ${DEFAULT-VALUE}.")
        int records;

        Landing(BenchJob job) { super(job); }

        @Override int size() { return records; }

        @Override void run(int n) throws Exception { job.landing(n, spec.commandLine().getOut()); }
    }

    @Command(name = "extract", mixinStandardHelpOptions = true,
            description = "Extraction throughput against a BigCommerce simulator limited to 150 requests per 3 s.")
    static final class Extract extends BenchSizedCommand {
        @Option(names = "--orders", paramLabel = "N", defaultValue = "600", description = "Default: ${DEFAULT-VALUE}.")
        int orders;

        Extract(BenchJob job) { super(job); }

        @Override int size() { return orders; }

        @Override void run(int n) throws Exception { job.extract(n, spec.commandLine().getOut()); }
    }
}
