package dev.darkroom.worker.core.images;

/**
 * An input image that was fetched and checked.
 *
 * @param bytes its content, at most the configured maximum
 * @param contentType its {@code image/*} media type, without parameters
 */
record FetchedImage(byte[] bytes, String contentType) {}
