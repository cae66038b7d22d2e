package io.tieout.api.output;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Money and percentages as the API shows them: plain decimal strings with two digits, never floats. */
public final class Decimals {
    private Decimals() {}

    /** "128400.00"; null stays null. */
    public static String twoDigits(BigDecimal value) {
        return value == null ? null : value.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }
}
