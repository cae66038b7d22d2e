package io.tieout.api.cli;

import io.tieout.cards.BadParameterException;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * Turns an exception from a command into a one-line message on stderr (no stack trace): a bad
 * parameter is a usage error (2), anything else a failed run (1). Set TIEOUT_DEBUG=1 for the trace.
 */
final class CliFailureHandler implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parsed) {
        var err = cmd.getErr();
        if (e instanceof BadParameterException bad) {
            err.println(cmd.getColorScheme().errorText("tieout: " + bad.getMessage()));
            err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for the options.");
            return TieoutCli.EXIT_USAGE;
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        err.println(cmd.getColorScheme().errorText("tieout: " + cmd.getCommandName() + " failed: " + message));
        if (System.getenv("TIEOUT_DEBUG") != null) e.printStackTrace(err);
        return TieoutCli.EXIT_FAILURE;
    }
}
