package io.tieout.extract.fx;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * ECB quotes are units of a currency per 1 EUR; the warehouse wants direct pairs into the reporting
 * currency R, so no SQL model has to divide. For a currency X on a date:
 * {@code 1 X = (R per EUR) / (X per EUR) R}, the exact quotient rounded once, half-even, to 10 places
 * (BigDecimal throughout, never a double); {@code 1 EUR = R per EUR}. A date without an R quote
 * gives no pairs, a currency without a quote (N/A) none for it: rates are never invented (weekend and
 * holiday gaps stay gaps; the models carry the last published rate forward).
 */
public final class EcbRates {
    public static final int SCALE = 10;

    private EcbRates() {}

    /** The day's pairs into {@code reporting}; {@code only} limits the currencies (empty = all). */
    public static List<FxRate> directPairs(EcbCsvParser.Row row, String reporting, Set<String> only) {
        List<FxRate> out = new ArrayList<>();
        BigDecimal reportingPerEur = reporting.equals("EUR") ? BigDecimal.ONE : row.perEur().get(reporting);
        if (reportingPerEur == null) return out;
        if (!reporting.equals("EUR") && (only.isEmpty() || only.contains("EUR"))) {
            out.add(new FxRate(row.date(), "EUR", reporting, reportingPerEur.setScale(Math.max(SCALE, reportingPerEur.scale()))));
        }
        for (Map.Entry<String, BigDecimal> e : row.perEur().entrySet()) {
            String x = e.getKey();
            if (x.equals(reporting) || (!only.isEmpty() && !only.contains(x))) continue;
            out.add(new FxRate(row.date(), x, reporting, reportingPerEur.divide(e.getValue(), SCALE, RoundingMode.HALF_EVEN)));
        }
        return out;
    }
}
