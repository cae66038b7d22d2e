package io.tieout.api.output;

import io.tieout.cards.Period;
import io.tieout.cards.breakdown.GapLine;

import java.util.List;

/** The gap lines behind one cell of the breakdown: one cause × one dimension member (member null = all). */
public record DrillResult(Period period, String cause, String dimension, String member, List<GapLine> lines) {
    public DrillResult {
        lines = List.copyOf(lines);
    }
}
