package io.tieout.cards.breakdown;

import io.tieout.cards.CardScope;
import io.tieout.cards.Period;

import java.util.List;

/** The revenue-gap-breakdown card as the API and the CLI consume it. */
public interface BreakdownService {
    RevenueGapBreakdown breakdown(Period period, CardScope scope);

    /** dimension one of customer,item,class,department,location,project,entity (case-insensitive); cause a cause id; member may be null (= all members). */
    List<GapLine> drill(Period period, CardScope scope, String cause, String dimension, String member);

    /** The default period: the trailing periodDays ending the day before the as-of date. */
    Period defaultPeriod();

    java.time.Instant asOf();
}
