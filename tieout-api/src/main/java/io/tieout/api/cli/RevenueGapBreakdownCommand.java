package io.tieout.api.cli;

import io.tieout.api.PeriodResolver;
import io.tieout.api.output.BreakdownTableRenderer;
import io.tieout.api.output.CardCsvWriter;
import io.tieout.api.output.CardJsonWriter;
import io.tieout.cards.CardScope;
import io.tieout.cards.Period;
import io.tieout.cards.breakdown.BreakdownService;
import io.tieout.cards.breakdown.RevenueGapBreakdown;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;

/** {@code tieout card revenue-gap-breakdown [--from D] [--to D] [--format table|json|csv] [--config FILE]}. */
@Command(name = "revenue-gap-breakdown", mixinStandardHelpOptions = true,
        description = "C(P), G(P), the gap and one row per cause, for a period (default: the card's trailing period).")
final class RevenueGapBreakdownCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--from", paramLabel = "YYYY-MM-DD", converter = DateConverter.class,
            description = "First day of the period (inclusive).")
    LocalDate from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", converter = DateConverter.class,
            description = "Last day of the period (inclusive).")
    LocalDate to;

    @Option(names = "--entity", paramLabel = "ENTITY", description = "Only this Intacct entity.")
    String entity;

    @Option(names = "--channel", paramLabel = "CHANNEL", description = "Only this channel / storefront.")
    String channel;

    @Option(names = "--source", paramLabel = "SOURCE", description = "Only this commerce source.")
    String source;

    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT", converter = CliFormatConverter.class,
            description = "Output: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
    CliFormat format;

    @Option(names = "--config", paramLabel = "FILE", description = "The tieout.yaml to use (default: ./tieout.yaml if present).")
    Path config;

    private final BreakdownServiceFactory factory;

    RevenueGapBreakdownCommand(BreakdownServiceFactory factory) {
        this.factory = factory;
    }

    @Override
    public Integer call() throws Exception {
        if (config != null && !Files.isRegularFile(config)) {
            throw new ParameterException(spec.commandLine(), "--config " + config + ": no such file");
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw new ParameterException(spec.commandLine(), "--from " + from + " is after --to " + to
                    + "; from must be on or before to");
        }
        try (OpenedBreakdownService opened = factory.open(config)) {
            BreakdownService cards = opened.service();
            Period period = PeriodResolver.resolve(from, to, cards.defaultPeriod());
            RevenueGapBreakdown b = cards.breakdown(period, new CardScope(entity, channel, source));
            PrintWriter out = spec.commandLine().getOut();
            switch (format) {
                case TABLE -> out.print(new BreakdownTableRenderer().render(b));
                case JSON -> out.println(CardJsonWriter.pretty().breakdown(b));
                case CSV -> out.print(new CardCsvWriter().breakdown(b));
            }
            out.flush();
        }
        return TieoutCli.EXIT_OK;
    }
}
