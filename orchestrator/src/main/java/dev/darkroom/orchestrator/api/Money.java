package dev.darkroom.orchestrator.api;

import dev.darkroom.contracts.catalog.CostEstimator;
import dev.darkroom.contracts.catalog.Usd;
import dev.darkroom.support.problems.InvalidRequestException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import tools.jackson.databind.JsonNode;

/** USD amounts as the API shows and accepts them: decimal strings such as {@code "10.00"} or {@code "0.025"}. */
public final class Money {

    /** Above any real budget, and within the {@code numeric(18, 6)} columns. */
    private static final BigDecimal LIMIT = BigDecimal.TEN.pow(12);

    private Money() {}

    /** At least two decimals, at most six, no exponent. */
    public static String format(BigDecimal usd) {
        return Usd.format(usd);
    }

    /** A non-negative amount from a JSON string or number, or a 422 naming {@code field}. */
    public static BigDecimal parse(JsonNode value, String field) {
        if (value == null || !(value.isString() || value.isNumber())) {
            throw new InvalidRequestException(field, field + " must be a decimal string such as \"10.00\"");
        }
        try {
            BigDecimal amount = new BigDecimal(value.asString().trim());
            // compared before setScale: an exponent such as 1e999999999 would otherwise build a huge number
            if (amount.signum() < 0
                    || amount.compareTo(LIMIT) >= 0
                    || amount.stripTrailingZeros().scale() > CostEstimator.SCALE) {
                throw new InvalidRequestException(
                        field, field + " must be a non-negative amount below 1000000000000 with at most six decimals");
            }
            return amount.setScale(CostEstimator.SCALE, RoundingMode.UNNECESSARY);
        } catch (NumberFormatException e) {
            throw new InvalidRequestException(field, field + " must be a decimal string such as \"10.00\"");
        }
    }
}
