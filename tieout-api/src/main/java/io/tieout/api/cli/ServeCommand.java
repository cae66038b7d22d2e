package io.tieout.api.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

/** {@code tieout serve --config tieout.yaml [--port N] [--every 60m]}. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the API over the config's warehouse, running the pipeline on a schedule and on request.")
final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", defaultValue = "tieout.yaml", description = "Default: ${DEFAULT-VALUE}.")
    Path config;

    @Option(names = "--port", paramLabel = "N", defaultValue = "-1", description = "Default: api.port of the config.")
    int port;

    @Option(names = "--every", paramLabel = "DURATION", description = "Run every this long, e.g. 15m, 1h (default: api.runEvery of the config, else only on POST /api/v1/runs).")
    String every;

    private final RunJob job;

    ServeCommand(RunJob job) {
        this.job = job;
    }

    @Override
    public Integer call() throws Exception {
        if (port < -1 || port > 65535) throw new ParameterException(spec.commandLine(), "--port must be between 0 and 65535, not " + port);
        job.serve(config, port, every == null ? null : parse(every), spec.commandLine().getOut());
        return TieoutCli.EXIT_OK;
    }

    private Duration parse(String v) {
        String s = v.trim().toLowerCase();
        try {
            long n = Long.parseLong(s.substring(0, s.length() - 1));
            Duration d = switch (s.charAt(s.length() - 1)) {
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                default -> null;
            };
            if (d != null && n > 0) return d;
        } catch (NumberFormatException | StringIndexOutOfBoundsException ignored) {
            // reported below
        }
        throw new ParameterException(spec.commandLine(), "--every '" + v + "' must be minutes or hours, e.g. 15m or 1h");
    }
}
