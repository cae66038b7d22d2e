package io.tieout.api.cli;

import picocli.CommandLine;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** table, json or csv, case-insensitive. */
final class CliFormatConverter implements CommandLine.ITypeConverter<CliFormat> {
    @Override
    public CliFormat convert(String value) {
        try {
            return CliFormat.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a format; use "
                    + Arrays.stream(CliFormat.values()).map(CliFormat::toString).collect(Collectors.joining(", ")));
        }
    }
}
