package dev.darkroom.receiver.ingest;

import dev.darkroom.contracts.catalog.Dimensions;
import dev.darkroom.contracts.catalog.ModelKind;
import dev.darkroom.contracts.catalog.ModelSpec;
import dev.darkroom.contracts.catalog.SizeChoice;
import dev.darkroom.contracts.catalog.SizeSpec;
import dev.darkroom.contracts.catalog.SizeStrategy;
import java.util.OptionalInt;

/**
 * What a result may hold: no more outputs than the job asked for (a video model makes one), and no image with a side
 * longer than any size the model can be asked for. fal's results are signed, but what they contain is the model's
 * doing; Darkroom stores and bills only what was ordered.
 */
final class OutputBounds {

    private OutputBounds() {}

    /** How many outputs to keep: the job's own count, else the model's default, never above the model's maximum. */
    static int count(ModelSpec model, Integer requested) {
        if (model.kind() == ModelKind.VIDEO) {
            return 1;
        }
        int maximum = model.parameter("num_images")
                .map(p -> p.maximum() == null ? 1 : p.maximum().intValue())
                .orElse(1);
        int fallback = model.parameter("num_images")
                .map(p -> p.defaultValue() == null ? 1 : p.defaultValue().asInt(1))
                .orElse(1);
        int wanted = requested == null || requested < 1 ? fallback : requested;
        return Math.min(wanted, maximum);
    }

    /**
     * The longest side an image of this model may have, whichever way round: the largest custom size or any preset
     * or aspect-ratio size. Empty when the catalog gives no size (video).
     */
    static OptionalInt maxSide(ModelSpec model) {
        if (model.kind() == ModelKind.VIDEO || model.sizeSpec().isEmpty()) {
            return OptionalInt.empty();
        }
        SizeSpec size = model.sizeSpec().get();
        int max = size.strategy() == SizeStrategy.IMAGE_SIZE ? size.customMax() : 0;
        for (Dimensions d : size.presets().values()) {
            max = Math.max(max, Math.max(d.width(), d.height()));
        }
        for (SizeChoice choice : size.aspectRatios().values()) {
            if (choice.dimensions() != null) {
                max = Math.max(
                        max,
                        Math.max(
                                choice.dimensions().width(), choice.dimensions().height()));
            }
        }
        return max > 0 ? OptionalInt.of(max) : OptionalInt.empty();
    }
}
