package dev.darkroom.contracts.catalog;

import java.math.BigDecimal;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * How fal bills a model.
 *
 * @param unit what is counted
 * @param priceUsd USD per unit
 * @param confirmed false when the price is not confirmed by fal's own documentation
 * @param overrides unit prices that depend on an input parameter
 */
public record Pricing(PriceUnit unit, BigDecimal priceUsd, boolean confirmed, List<PriceOverride> overrides) {

    public Pricing {
        overrides = List.copyOf(overrides);
    }

    /** The unit price for this (fal or Darkroom) input. */
    public BigDecimal unitPriceFor(JsonNode input) {
        return overrides.stream()
                .filter(o -> o.matches(input))
                .map(PriceOverride::priceUsd)
                .findFirst()
                .orElse(priceUsd);
    }
}
