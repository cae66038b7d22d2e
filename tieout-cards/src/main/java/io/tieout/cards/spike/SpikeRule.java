package io.tieout.cards.spike;

import io.tieout.cards.BadParameterException;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * When a day's gap % leaves its trailing baseline. The baseline of day d is the gap % of the days
 * d − window … d − 1 that have one (days without commerce revenue have none); with fewer than
 * minBaselineDays of them, d is not evaluated.
 * <ul>
 *   <li>{@code mean_plus_sigma}: threshold = mean + k × σ, σ the population standard deviation
 *   (mean and variance in BigDecimal, MathContext.DECIMAL64; σ = sqrt(variance, DECIMAL64));</li>
 *   <li>{@code median_multiple}: threshold = m × median (the mean of the two middle values for an even
 *   count); with a median ≤ 0 the threshold is the median itself, since m × median would lie below it.</li>
 * </ul>
 * The day fires when its gap % is strictly above the threshold. Thresholds are kept to 4 decimals
 * (half-even) and compared at that precision.
 */
public record SpikeRule(Kind kind, BigDecimal factor, int window, int minBaselineDays) {
    public enum Kind {
        MEAN_PLUS_SIGMA, MEDIAN_MULTIPLE;

        public String id() { return name().toLowerCase(Locale.ROOT); }

        public static Kind fromId(String id) {
            for (Kind k : values()) if (k.id().equalsIgnoreCase(id == null ? "" : id.trim())) return k;
            throw new BadParameterException("rule", "unknown spike rule '" + id + "'; allowed: mean_plus_sigma, median_multiple");
        }
    }

    public static final SpikeRule DEFAULT = meanPlusSigma(new BigDecimal("3"));

    public SpikeRule {
        if (kind == null) throw new BadParameterException("rule", "a spike rule needs a kind: mean_plus_sigma or median_multiple");
        if (factor == null || factor.signum() <= 0) throw new BadParameterException("factor", "the rule's factor must be positive, got " + factor);
        if (window < 2) throw new BadParameterException("window", "the baseline window must be at least 2 days, got " + window);
        if (minBaselineDays < 2 || minBaselineDays > window) {
            throw new BadParameterException("minBaselineDays", "minBaselineDays must be between 2 and the window (" + window + "), got " + minBaselineDays);
        }
    }

    public static SpikeRule meanPlusSigma(BigDecimal k) { return new SpikeRule(Kind.MEAN_PLUS_SIGMA, k, 28, 7); }

    public static SpikeRule medianMultiple(BigDecimal m) { return new SpikeRule(Kind.MEDIAN_MULTIPLE, m, 28, 7); }

    public String describe() {
        return switch (kind) {
            case MEAN_PLUS_SIGMA -> "mean_plus_sigma: fires when the day's gap % > mean + " + factor.toPlainString()
                    + " x sigma (population standard deviation, BigDecimal with MathContext.DECIMAL64, sqrt in DECIMAL64) of the trailing "
                    + window + " days' gap %";
            case MEDIAN_MULTIPLE -> "median_multiple: fires when the day's gap % > " + factor.toPlainString() + " x the median of the trailing "
                    + window + " days' gap % (the median itself when it is <= 0)";
        } + "; days without commerce revenue have no gap % and are left out of baselines; a day needs at least "
                + minBaselineDays + " baseline days to be evaluated";
    }

    public record Baseline(int days, BigDecimal mean, BigDecimal sigma, BigDecimal median, BigDecimal threshold) {}

    /** The baseline of the given values (the days that have a gap %), or null if there are too few. */
    public Baseline baseline(List<BigDecimal> values) {
        if (values.size() < minBaselineDays) return null;
        MathContext mc = MathContext.DECIMAL64;
        BigDecimal n = BigDecimal.valueOf(values.size());
        BigDecimal mean = values.stream().reduce(BigDecimal.ZERO, BigDecimal::add).divide(n, mc);
        BigDecimal var = values.stream().map(v -> v.subtract(mean).pow(2)).reduce(BigDecimal.ZERO, BigDecimal::add).divide(n, mc);
        BigDecimal sigma = var.sqrt(mc);
        List<BigDecimal> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int size = sorted.size();
        BigDecimal median = size % 2 == 1 ? sorted.get(size / 2)
                : sorted.get(size / 2 - 1).add(sorted.get(size / 2)).divide(BigDecimal.valueOf(2), mc);
        BigDecimal threshold = switch (kind) {
            case MEAN_PLUS_SIGMA -> mean.add(factor.multiply(sigma, mc));
            case MEDIAN_MULTIPLE -> median.signum() <= 0 ? median : factor.multiply(median, mc);
        };
        return new Baseline(size, scale4(mean), scale4(sigma), scale4(median), scale4(threshold));
    }

    public boolean fires(BigDecimal value, Baseline b) {
        return value != null && b != null && value.compareTo(b.threshold()) > 0;
    }

    private static BigDecimal scale4(BigDecimal v) { return v.setScale(4, RoundingMode.HALF_EVEN); }
}
