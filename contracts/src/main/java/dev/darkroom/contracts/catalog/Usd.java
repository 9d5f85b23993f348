package dev.darkroom.contracts.catalog;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How Darkroom writes USD amounts in its API: a decimal string with two to six decimals, never an exponent. */
public final class Usd {

    private Usd() {}

    public static String format(BigDecimal usd) {
        BigDecimal stripped = usd.stripTrailingZeros();
        return (stripped.scale() < 2 ? stripped.setScale(2, RoundingMode.UNNECESSARY) : stripped).toPlainString();
    }
}
