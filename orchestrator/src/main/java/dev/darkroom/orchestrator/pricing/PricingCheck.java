package dev.darkroom.orchestrator.pricing;

import dev.darkroom.contracts.catalog.Catalog;
import dev.darkroom.contracts.catalog.ModelSpec;
import dev.darkroom.contracts.catalog.PriceUnit;
import dev.darkroom.falclient.FalClient;
import dev.darkroom.falclient.platform.FalPrice;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Compares each catalog model's base price and unit with what fal's pricing API reports for its endpoint. */
@Component
class PricingCheck {

    private final Catalog catalog;
    private final FalClient fal;

    PricingCheck(Catalog catalog, FalClient fal) {
        this.catalog = catalog;
        this.fal = fal;
    }

    /** @throws dev.darkroom.falclient.errors.FalException when fal's pricing API cannot be read */
    PricingReport run() {
        List<ModelSpec> models = List.copyOf(catalog.models());
        Map<String, FalPrice> byEndpoint = fal
                .prices(models.stream().map(ModelSpec::falEndpoint).toList())
                .stream()
                .collect(Collectors.toMap(FalPrice::endpointId, Function.identity(), (a, b) -> a));
        List<PricingReport.Model> results = new ArrayList<>();
        for (ModelSpec model : models) {
            results.add(compare(model, byEndpoint.get(model.falEndpoint())));
        }
        return new PricingReport(results);
    }

    private static PricingReport.Model compare(ModelSpec model, FalPrice price) {
        BigDecimal ours = model.pricing().priceUsd();
        String ourUnit = unit(model.pricing().unit());
        if (price == null) {
            return new PricingReport.Model(
                    model.id(),
                    model.falEndpoint(),
                    ours,
                    ourUnit,
                    model.pricing().confirmed(),
                    null,
                    null,
                    null,
                    List.of("not_priced_by_fal"));
        }
        List<String> differences = new ArrayList<>();
        if (price.unitPrice() == null || price.unitPrice().compareTo(ours) != 0) {
            differences.add("price");
        }
        if (!sameUnit(model.pricing().unit(), price.unit())) {
            differences.add("unit");
        }
        if (!"USD".equalsIgnoreCase(price.currency())) {
            differences.add("currency");
        }
        return new PricingReport.Model(
                model.id(),
                model.falEndpoint(),
                ours,
                ourUnit,
                model.pricing().confirmed(),
                price.unitPrice(),
                price.unit(),
                price.currency(),
                differences);
    }

    /** fal's unit names are free text ({@code megapixels}, {@code image}, {@code seconds}): compared by stem. */
    private static boolean sameUnit(PriceUnit ours, String theirs) {
        if (theirs == null) {
            return false;
        }
        String unit = theirs.toLowerCase(Locale.ROOT);
        return switch (ours) {
            case MEGAPIXEL -> unit.contains("megapixel");
            case IMAGE -> unit.contains("image");
            case VIDEO_SECOND -> unit.contains("second");
        };
    }

    private static String unit(PriceUnit unit) {
        return unit.name().toLowerCase(Locale.ROOT);
    }
}
