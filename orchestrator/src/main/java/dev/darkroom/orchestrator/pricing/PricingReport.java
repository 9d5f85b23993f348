package dev.darkroom.orchestrator.pricing;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;

/**
 * The pricing check's answer.
 *
 * @param models every catalog model with fal's price next to it
 */
record PricingReport(@JsonProperty("models") List<Model> models) {

    PricingReport {
        models = List.copyOf(models);
    }

    /** How many models differ from fal (or fal does not price). */
    @JsonProperty("differences")
    long differences() {
        return models.stream().filter(m -> !m.differences().isEmpty()).count();
    }

    /**
     * One model.
     *
     * @param model Darkroom's model id
     * @param falEndpoint its fal endpoint
     * @param catalogPriceUsd the catalog's base unit price
     * @param catalogUnit the catalog's unit
     * @param catalogConfirmed whether the catalog marks the price confirmed
     * @param falUnitPrice fal's unit price, or null when fal does not price the endpoint
     * @param falUnit fal's unit, or null
     * @param falCurrency fal's currency, or null
     * @param differences what differs: {@code price}, {@code unit}, {@code currency}, or {@code not_priced_by_fal}
     */
    record Model(
            @JsonProperty("model") String model,
            @JsonProperty("fal_endpoint") String falEndpoint,
            @JsonProperty("catalog_price_usd") BigDecimal catalogPriceUsd,
            @JsonProperty("catalog_unit") String catalogUnit,
            @JsonProperty("catalog_confirmed") boolean catalogConfirmed,
            @JsonProperty("fal_unit_price") BigDecimal falUnitPrice,
            @JsonProperty("fal_unit") String falUnit,
            @JsonProperty("fal_currency") String falCurrency,
            @JsonProperty("differences") List<String> differences) {

        Model {
            differences = List.copyOf(differences);
        }
    }
}
