package dev.darkroom.contracts.catalog;

import java.math.BigDecimal;
import tools.jackson.databind.JsonNode;

/**
 * A unit price that applies instead of the model's when an input parameter matches, such as Recraft's vector
 * styles or Hailuo's 512P resolution.
 *
 * @param parameter the input parameter looked at (the same name in Darkroom's and fal's input)
 * @param equals the value that selects this price, or null
 * @param startsWith a prefix of the value that selects this price, or null
 * @param priceUsd the unit price in USD
 */
public record PriceOverride(String parameter, String equals, String startsWith, BigDecimal priceUsd) {

    boolean matches(JsonNode input) {
        JsonNode value = input.get(parameter);
        if (value == null || value.isNull()) {
            return false;
        }
        String text = value.asString();
        return (equals != null && equals.equals(text)) || (startsWith != null && text.startsWith(startsWith));
    }
}
