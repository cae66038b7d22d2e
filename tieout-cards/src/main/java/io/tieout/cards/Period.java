package io.tieout.cards;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** An inclusive range of dates in the reporting time zone. */
public record Period(LocalDate from, LocalDate to) {
    public Period {
        if (from == null || to == null) throw new IllegalArgumentException("period needs both from and to");
        if (from.isAfter(to)) throw new BadParameterException("from", "from " + from + " is after to " + to + "; from must be on or before to");
    }

    public long days() { return ChronoUnit.DAYS.between(from, to) + 1; }
}
