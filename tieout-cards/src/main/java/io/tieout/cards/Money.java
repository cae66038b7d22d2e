package io.tieout.cards;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Money and percentages as the cards report them: two decimals, half-even. */
public final class Money {
    public static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private Money() {}

    public static BigDecimal of(BigDecimal v) {
        return (v == null ? BigDecimal.ZERO : v).setScale(2, RoundingMode.HALF_EVEN);
    }

    /** part as a percentage of whole, two decimals half-even; 0.00 when whole is zero. */
    public static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        if (whole == null || whole.signum() == 0) return ZERO;
        return part.multiply(HUNDRED).divide(whole, 2, RoundingMode.HALF_EVEN);
    }

    /** As percent, but null (undefined) when whole is zero: a day without commerce revenue has no gap %. */
    public static BigDecimal percentOrNull(BigDecimal part, BigDecimal whole) {
        if (whole == null || whole.signum() == 0) return null;
        return percent(part, whole);
    }
}
