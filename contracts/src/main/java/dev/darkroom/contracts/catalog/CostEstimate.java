package dev.darkroom.contracts.catalog;

import java.math.BigDecimal;

/**
 * The price of a run.
 *
 * @param unit what was counted
 * @param quantity how many units (megapixels, images or seconds)
 * @param unitPriceUsd USD per unit
 * @param amountUsd the total in USD, scale 6
 * @param priceConfirmed false when the unit price is not confirmed by fal's documentation
 */
public record CostEstimate(
        PriceUnit unit, BigDecimal quantity, BigDecimal unitPriceUsd, BigDecimal amountUsd, boolean priceConfirmed) {}
