package dev.darkroom.contracts.catalog;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Prices runs from the catalog: an estimate from what an input asks for, and a settlement from what fal actually
 * returned. Both use the same rules, so a run that returns what it asked for settles at its estimate.
 */
public final class CostEstimator {

    /** Money is kept to a millionth of a dollar. */
    public static final int SCALE = 6;

    private final long megapixelPixels;

    public CostEstimator(Catalog catalog) {
        this.megapixelPixels = catalog.megapixelPixels();
    }

    /** The price of what fal's input asks for. */
    public CostEstimate estimate(ModelSpec model, JsonNode falInput) {
        OutputPlan plan = OutputPlan.of(model, falInput);
        OutputMeasure each = plan.kind() == ModelKind.VIDEO
                ? OutputMeasure.video(BigDecimal.valueOf(plan.videoSeconds()))
                : OutputMeasure.image(plan.dimensions());
        return price(model, falInput, Collections.nCopies(plan.count(), each));
    }

    /**
     * The price of what fal returned. Images without known dimensions are priced at the size the input asked
     * for; video seconds are rounded half up to whole seconds.
     */
    public CostEstimate settle(ModelSpec model, JsonNode falInput, List<OutputMeasure> outputs) {
        return price(model, falInput, outputs);
    }

    private CostEstimate price(ModelSpec model, JsonNode falInput, List<OutputMeasure> outputs) {
        Pricing pricing = model.pricing();
        BigDecimal unitPrice = pricing.unitPriceFor(falInput);
        BigDecimal quantity = switch (pricing.unit()) {
            case IMAGE -> BigDecimal.valueOf(outputs.size());
            case MEGAPIXEL -> BigDecimal.valueOf(megapixels(model, falInput, outputs));
            case VIDEO_SECOND ->
                outputs.stream()
                        .map(o -> o.seconds() == null ? BigDecimal.ZERO : o.seconds())
                        .map(s -> s.setScale(0, RoundingMode.HALF_UP))
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
        };
        BigDecimal amount = quantity.multiply(unitPrice).setScale(SCALE, RoundingMode.HALF_UP);
        return new CostEstimate(pricing.unit(), quantity, unitPrice, amount, pricing.confirmed());
    }

    private long megapixels(ModelSpec model, JsonNode falInput, List<OutputMeasure> outputs) {
        // the size the input asked for stands in for outputs fal returned without dimensions
        Dimensions asked = outputs.stream().anyMatch(o -> o.dimensions() == null)
                ? OutputPlan.of(model, falInput).dimensions()
                : null;
        return outputs.stream()
                .mapToLong(o -> (o.dimensions() != null ? o.dimensions() : asked).billableMegapixels(megapixelPixels))
                .sum();
    }
}
