package dev.darkroom.storage;

/**
 * An object as stored.
 *
 * @param key its key in the bucket
 * @param bytes its size
 * @param sha256Hex the lower-case hex sha256 of its content; null for an object not written by
 *     {@link ObjectStorage#put}
 * @param contentType its content type
 */
public record StoredObject(String key, long bytes, String sha256Hex, String contentType) {}
