package dev.darkroom.falsim.pricing;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.darkroom.contracts.catalog.Catalog;
import dev.darkroom.contracts.catalog.ModelSpec;
import dev.darkroom.falsim.Resettable;
import dev.darkroom.falsim.web.AdminException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/models/pricing?endpoint_id=a,b} (also {@code endpoint_id=a&endpoint_id=b}), shaped like fal's
 * platform API: {@code {"prices": [{"endpoint_id", "unit_price", "unit", "currency"}], "next_cursor", "has_more"}}.
 * Prices come from the catalog unless {@code PUT /_sim/pricing} replaced them; unknown endpoints are left out.
 */
@RestController
class PricingController implements Resettable {

    /** fal takes 1 to 50 endpoint ids per call. */
    private static final int MAX_ENDPOINTS = 50;

    private final Catalog catalog;
    private final Map<String, Price> overrides = new ConcurrentHashMap<>();

    PricingController(Catalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/api/v1/models/pricing")
    Prices prices(@RequestParam(name = "endpoint_id") List<String> endpointIds) {
        Set<String> ids = new LinkedHashSet<>();
        endpointIds.forEach(value -> {
            for (String id : value.split(",")) {
                if (!id.isBlank()) {
                    ids.add(id.trim());
                }
            }
        });
        if (ids.isEmpty() || ids.size() > MAX_ENDPOINTS) {
            throw new AdminException("invalid_endpoint_ids", "give 1 to " + MAX_ENDPOINTS + " endpoint ids");
        }
        List<Price> prices = new ArrayList<>();
        for (String id : ids) {
            Optional.ofNullable(overrides.get(id))
                    .or(() -> catalog.findByFalEndpoint(id).map(PricingController::catalogPrice))
                    .ifPresent(prices::add);
        }
        return new Prices(prices, null, false);
    }

    /** Replaces the prices of the endpoints named, keyed by endpoint id; {@code /_sim/reset} restores the catalog. */
    @PutMapping("/_sim/pricing")
    Map<String, Price> override(@RequestBody Map<String, Price> prices) {
        prices.forEach((id, price) -> overrides.put(
                id,
                new Price(id, price.unitPrice(), price.unit(), price.currency() != null ? price.currency() : "USD")));
        return Map.copyOf(overrides);
    }

    @Override
    public void reset() {
        overrides.clear();
    }

    private static Price catalogPrice(ModelSpec model) {
        String unit = switch (model.pricing().unit()) {
            case MEGAPIXEL -> "megapixels";
            case IMAGE -> "images";
            case VIDEO_SECOND -> "seconds";
        };
        return new Price(model.falEndpoint(), model.pricing().priceUsd(), unit, "USD");
    }

    /**
     * One endpoint's price.
     *
     * @param endpointId fal's endpoint id
     * @param unitPrice price of one billing unit
     * @param unit the billing unit
     * @param currency ISO 4217 code
     */
    record Price(
            @JsonProperty("endpoint_id") String endpointId,
            @JsonProperty("unit_price") BigDecimal unitPrice,
            @JsonProperty("unit") String unit,
            @JsonProperty("currency") String currency) {}

    /**
     * The answer.
     *
     * @param prices the prices found
     * @param nextCursor paging cursor (always null: one page)
     * @param hasMore whether more pages follow
     */
    record Prices(
            @JsonProperty("prices") List<Price> prices,
            @JsonProperty("next_cursor") String nextCursor,
            @JsonProperty("has_more") boolean hasMore) {}
}
