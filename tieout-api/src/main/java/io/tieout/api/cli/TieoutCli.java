package io.tieout.api.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;

/**
 * The {@code tieout} command: {@code demo}, {@code run}, {@code serve}, {@code card}, {@code bench}. Exit codes: 0 ok, 1 the run
 * failed, 2 usage error (bad option, bad value, missing subcommand).
 */
@Command(name = "tieout", mixinStandardHelpOptions = true, versionProvider = TieoutCli.Version.class,
        description = "Revenue reconciliation: commerce platforms against Sage Intacct.",
        synopsisSubcommandLabel = "COMMAND")
public final class TieoutCli implements Runnable {
    public static final int EXIT_OK = CommandLine.ExitCode.OK;
    public static final int EXIT_FAILURE = CommandLine.ExitCode.SOFTWARE;
    public static final int EXIT_USAGE = CommandLine.ExitCode.USAGE;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: use demo, run, serve, card or bench (see tieout --help)");
    }

    public static void main(String[] args) {
        System.exit(commandLine(ProductionWiring.create()).execute(args));
    }

    /** The command tree over the given jobs; call execute(args) on it. */
    public static CommandLine commandLine(CliWiring wiring) {
        CommandLine cli = new CommandLine(new TieoutCli());
        cli.addSubcommand(new DemoCommand(wiring.demo()));
        cli.addSubcommand(new RunCommand(wiring.runs()));
        cli.addSubcommand(new ServeCommand(wiring.runs()));
        cli.addSubcommand(new CommandLine(new CardCommand())
                .addSubcommand(new RevenueGapBreakdownCommand(wiring.breakdowns())));
        cli.addSubcommand(new CommandLine(new BenchCommand())
                .addSubcommand(new BenchTransformCommand(wiring.bench()))
                .addSubcommand(new BenchSizedCommand.Landing(wiring.bench()))
                .addSubcommand(new BenchSizedCommand.Extract(wiring.bench())));
        cli.setExecutionExceptionHandler(new CliFailureHandler());
        cli.setParameterExceptionHandler(new CliUsageErrorHandler());
        return cli;
    }

    /** Runs with the given writers (tests, embedding); returns the exit code. */
    public static int execute(CliWiring wiring, PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = commandLine(wiring);
        cli.setOut(out);
        cli.setErr(err);
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = TieoutCli.class.getPackage().getImplementationVersion();
            return new String[]{"tieout " + (v == null ? "development build" : v)};
        }
    }
}
