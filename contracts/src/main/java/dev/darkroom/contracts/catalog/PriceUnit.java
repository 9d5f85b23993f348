package dev.darkroom.contracts.catalog;

/** The unit fal bills a model by. */
public enum PriceUnit {
    /** Per image, each rounded up to whole megapixels. */
    MEGAPIXEL,
    /** Per image, whatever its size. */
    IMAGE,
    /** Per second of generated video. */
    VIDEO_SECOND
}
