package dev.darkroom.contracts.catalog;

/** How an image model receives its output size. */
public enum SizeStrategy {
    /** fal's {@code image_size}: a preset name or {@code {"width","height"}}. */
    IMAGE_SIZE,
    /** fal's {@code aspect_ratio} from a fixed list, each with a known output size. */
    ASPECT_RATIO
}
