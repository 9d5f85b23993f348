package dev.darkroom.contracts.catalog;

/**
 * One output size a tenant can ask for by aspect ratio.
 *
 * @param preset fal's {@code image_size} preset name, or null when fal receives the size another way
 * @param dimensions the pixel size fal produces for it
 */
public record SizeChoice(String preset, Dimensions dimensions) {}
