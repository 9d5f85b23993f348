package dev.darkroom.receiver.outputs;

import java.math.BigDecimal;

/**
 * What a file turned out to be.
 *
 * @param media its type, from its magic bytes
 * @param width pixels across, or null when the file does not say (an SVG without a size)
 * @param height pixels down, or null
 * @param durationSeconds a video's length, or null for images
 */
record Measured(Media media, Integer width, Integer height, BigDecimal durationSeconds) {}
