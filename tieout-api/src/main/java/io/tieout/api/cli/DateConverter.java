package io.tieout.api.cli;

import io.tieout.api.PeriodResolver;
import io.tieout.cards.BadParameterException;
import picocli.CommandLine;

import java.time.LocalDate;

/** YYYY-MM-DD, with the same message as the API. */
final class DateConverter implements CommandLine.ITypeConverter<LocalDate> {
    @Override
    public LocalDate convert(String value) {
        try {
            return PeriodResolver.parseDate("date", value);
        } catch (BadParameterException e) {
            throw new CommandLine.TypeConversionException(PeriodResolver.echo(value)
                    + " is not a valid date; use the format YYYY-MM-DD (for example 2026-04-02)");
        }
    }
}
