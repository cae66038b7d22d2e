package io.tieout.api.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;

/** {@code tieout run --config tieout.yaml [--as-of 2026-05-02T04:00:00Z]}. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Extract every configured source incrementally, transform, check the identity.")
final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", defaultValue = "tieout.yaml", description = "Default: ${DEFAULT-VALUE}.")
    Path config;

    @Option(names = "--as-of", paramLabel = "INSTANT",
            description = "Reconcile as of this UTC instant (e.g. 2026-05-02T04:00:00Z); records changed later wait for the next run. Default: now.")
    String asOf;

    private final RunJob job;

    RunCommand(RunJob job) {
        this.job = job;
    }

    @Override
    public Integer call() throws Exception {
        Instant at = null;
        if (asOf != null) {
            try {
                at = Instant.parse(asOf.trim());
            } catch (DateTimeParseException e) {
                throw new ParameterException(spec.commandLine(), "--as-of '" + asOf
                        + "' is not a UTC instant; use the form 2026-05-02T04:00:00Z");
            }
        }
        job.run(config, at, spec.commandLine().getOut());
        return TieoutCli.EXIT_OK;
    }
}
