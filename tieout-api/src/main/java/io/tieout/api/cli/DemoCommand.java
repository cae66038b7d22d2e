package io.tieout.api.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code tieout demo [--port N] [--no-serve] [--warehouse DIR]}; the work is the {@link DemoJob}'s. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Build a demo warehouse from the sandbox sources and serve the API on it.")
final class DemoCommand implements Callable<Integer> {
    static final int DEFAULT_PORT = 8080;

    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "N", defaultValue = "" + DEFAULT_PORT,
            description = "Port of the API (0 = any free port). Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--no-serve", description = "Build the demo warehouse, then exit instead of serving the API.")
    boolean noServe;

    @Option(names = "--warehouse", paramLabel = "DIR", defaultValue = "warehouse",
            description = "Directory of the demo warehouse. Default: ${DEFAULT-VALUE}.")
    Path warehouseDir;

    private final DemoJob job;

    DemoCommand(DemoJob job) {
        this.job = job;
    }

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) {
            throw new ParameterException(spec.commandLine(), "--port must be between 0 and 65535, not " + port);
        }
        // The DemoJob implementation (pending: DemoPipelineJob, see ProductionWiring) does the work.
        job.run(new DemoOptions(port, !noServe, warehouseDir), spec.commandLine().getOut());
        return TieoutCli.EXIT_OK;
    }
}
