package dev.darkroom.contracts.catalog;

import java.math.BigDecimal;

/**
 * What one stored output actually is, measured from the file.
 *
 * @param dimensions the image's pixel size, or null if unknown or a video
 * @param seconds the video's length, or null for an image
 */
public record OutputMeasure(Dimensions dimensions, BigDecimal seconds) {

    public static OutputMeasure image(Dimensions dimensions) {
        return new OutputMeasure(dimensions, null);
    }

    public static OutputMeasure video(BigDecimal seconds) {
        return new OutputMeasure(null, seconds);
    }
}
