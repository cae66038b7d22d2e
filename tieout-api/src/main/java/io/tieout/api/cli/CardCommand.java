package io.tieout.api.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tieout card CARD}: one card, printed. */
@Command(name = "card", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "CARD",
        description = "Print a card.")
final class CardCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing card: use revenue-gap-breakdown (see tieout card --help)");
    }
}
