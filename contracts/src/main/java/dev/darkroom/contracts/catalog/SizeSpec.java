package dev.darkroom.contracts.catalog;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The output size options of an image model.
 *
 * @param strategy how fal takes the size
 * @param defaultValue fal's default: a preset name ({@link SizeStrategy#IMAGE_SIZE}) or an aspect ratio
 * @param aspectRatios the ratios a tenant may ask for, in catalog order
 * @param presets fal's {@code image_size} presets ({@link SizeStrategy#IMAGE_SIZE} only, else empty)
 * @param customMin smallest custom width or height ({@link SizeStrategy#IMAGE_SIZE} only)
 * @param customMax largest custom width or height ({@link SizeStrategy#IMAGE_SIZE} only)
 */
public record SizeSpec(
        SizeStrategy strategy,
        String defaultValue,
        Map<String, SizeChoice> aspectRatios,
        Map<String, Dimensions> presets,
        int customMin,
        int customMax) {

    public SizeSpec {
        aspectRatios = Collections.unmodifiableMap(new LinkedHashMap<>(aspectRatios));
        presets = Collections.unmodifiableMap(new LinkedHashMap<>(presets));
    }

    /** Whether a tenant may give {@code width} and {@code height}. */
    public boolean allowsCustomSize() {
        return strategy == SizeStrategy.IMAGE_SIZE;
    }

    /** The size fal produces when the input names none. */
    public Dimensions defaultDimensions() {
        return strategy == SizeStrategy.IMAGE_SIZE
                ? presets.get(defaultValue)
                : aspectRatios.get(defaultValue).dimensions();
    }
}
