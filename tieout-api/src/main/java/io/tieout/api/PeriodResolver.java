package io.tieout.api;

import io.tieout.cards.BadParameterException;
import io.tieout.cards.Period;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Turns the optional from/to of a request (HTTP or CLI) into the period a card answers for.
 * Neither given: the card's default period. Only from: from up to the default's end. Only to: a
 * period as long as the default, ending on to. Periods longer than {@value #MAX_DAYS} days are refused.
 */
public final class PeriodResolver {
    public static final int MAX_DAYS = 366;
    private static final int MAX_ECHOED_CHARS = 64;

    private PeriodResolver() {}

    public static Period resolve(LocalDate from, LocalDate to, Period defaultPeriod) {
        LocalDate f = from;
        LocalDate t = to;
        if (f == null && t == null) {
            f = defaultPeriod.from();
            t = defaultPeriod.to();
        } else if (f == null) {
            f = t.minusDays(defaultPeriod.days() - 1);
        } else if (t == null) {
            t = defaultPeriod.to();
            if (f.isAfter(t)) {
                throw new BadParameterException("from", "from " + f + " is after " + t
                        + ", the end of the default period; pass to as well (from must be on or before to)");
            }
        }
        if (f.isAfter(t)) {
            throw new BadParameterException("from", "from " + f + " is after to " + t + "; from must be on or before to");
        }
        Period period = new Period(f, t);
        if (period.days() > MAX_DAYS) {
            throw new BadParameterException("to", "the period " + f + " .. " + t + " has " + period.days()
                    + " days; the longest period allowed is " + MAX_DAYS + " days");
        }
        return period;
    }

    /** Parses a YYYY-MM-DD date; null or blank is null. The error names the parameter, the value and the format. */
    public static LocalDate parseDate(String parameter, String value) {
        if (value == null || value.isBlank()) return null;
        try {
            return LocalDate.parse(value.trim(), DateTimeFormatter.ISO_LOCAL_DATE);
        } catch (DateTimeParseException e) {
            throw new BadParameterException(parameter, parameter + "=" + echo(value)
                    + " is not a valid date; use the format YYYY-MM-DD (for example 2026-04-02)");
        }
    }

    /** A client-supplied value, shortened so an error message never grows with the input. */
    public static String echo(String value) {
        String v = value.length() > MAX_ECHOED_CHARS ? value.substring(0, MAX_ECHOED_CHARS) + "…" : value;
        return "'" + v + "'";
    }
}
