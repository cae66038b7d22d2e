package io.tieout.sandbox.scenario;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * Deterministic daily reference rates (reporting currency per unit), published on weekdays only,
 * like ECB's, so lookups must carry the last published rate over weekends.
 */
public final class FxCurve {
    private final Map<String, TreeMap<LocalDate, BigDecimal>> rates = new TreeMap<>();

    /** A gentle wave around {@code centre}: rate(day) = centre + amplitude * ((day index % 11) - 5) / 5. */
    public FxCurve add(String currency, BigDecimal centre, BigDecimal amplitude, LocalDate from, LocalDate to) {
        TreeMap<LocalDate, BigDecimal> series = rates.computeIfAbsent(currency, k -> new TreeMap<>());
        int i = 0;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1), i++) {
            if (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) continue;
            BigDecimal wave = amplitude.multiply(BigDecimal.valueOf((i % 11) - 5)).divide(BigDecimal.valueOf(5), 6, RoundingMode.HALF_EVEN);
            series.put(d, centre.add(wave).setScale(6, RoundingMode.HALF_EVEN));
        }
        return this;
    }

    /** A straight line from startRate on `from` to endRate on `to`, weekdays only. */
    public FxCurve addLinear(String currency, BigDecimal startRate, BigDecimal endRate, LocalDate from, LocalDate to) {
        TreeMap<LocalDate, BigDecimal> series = rates.computeIfAbsent(currency, k -> new TreeMap<>());
        long days = java.time.temporal.ChronoUnit.DAYS.between(from, to);
        BigDecimal step = endRate.subtract(startRate).divide(BigDecimal.valueOf(Math.max(days, 1)), 8, RoundingMode.HALF_EVEN);
        int i = 0;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1), i++) {
            if (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) continue;
            series.put(d, startRate.add(step.multiply(BigDecimal.valueOf(i))).setScale(6, RoundingMode.HALF_EVEN));
        }
        return this;
    }

    /** The rate on a day: the last one published on or before it; 1 for the reporting currency. */
    public BigDecimal rate(String currency, LocalDate day, String reportingCurrency) {
        if (currency.equals(reportingCurrency)) return BigDecimal.ONE;
        TreeMap<LocalDate, BigDecimal> series = rates.get(currency);
        Map.Entry<LocalDate, BigDecimal> e = series == null ? null : series.floorEntry(day);
        if (e == null) throw new IllegalArgumentException("no " + currency + " rate on or before " + day);
        return e.getValue();
    }

    /**
     * The mean of the rates published in the day's calendar month, truncated to 10 places (what the
     * warehouse's period_average policy computes, and what an Intacct monthly average rate type holds).
     */
    public BigDecimal monthAverage(String currency, LocalDate day, String reportingCurrency) {
        if (currency.equals(reportingCurrency)) return BigDecimal.ONE;
        TreeMap<LocalDate, BigDecimal> series = rates.get(currency);
        LocalDate first = day.withDayOfMonth(1);
        Map<LocalDate, BigDecimal> month = series == null ? Map.of() : series.subMap(first, true, first.plusMonths(1), false);
        if (month.isEmpty()) throw new IllegalArgumentException("no " + currency + " rate published in the month of " + day);
        BigDecimal sum = month.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return sum.divide(BigDecimal.valueOf(month.size()), 10, RoundingMode.FLOOR);
    }

    public Map<String, TreeMap<LocalDate, BigDecimal>> published() { return rates; }

    /** amount x rate, half-even to cents: the one conversion rule both sides of the books use. */
    public static BigDecimal convert(BigDecimal amount, BigDecimal rate) {
        return amount.multiply(rate).setScale(2, RoundingMode.HALF_EVEN);
    }
}
