package dev.darkroom.contracts.catalog;

/** A pixel size. */
public record Dimensions(int width, int height) {

    public Dimensions {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("dimensions must be positive: " + width + "x" + height);
        }
    }

    /** Whole megapixels, rounded up, as fal bills them; {@code megapixel} is the pixel count of one megapixel. */
    public long billableMegapixels(long megapixel) {
        long pixels = (long) width * height;
        return (pixels + megapixel - 1) / megapixel;
    }

    @Override
    public String toString() {
        return width + "x" + height;
    }
}
