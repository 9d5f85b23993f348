package dev.darkroom.contracts.messages;

import java.math.BigDecimal;

/**
 * One output file copied into Darkroom's object storage.
 *
 * @param index its position in fal's output, from 0
 * @param objectKey the object's key in the outputs bucket
 * @param contentType its media type, checked against the file
 * @param bytes its size
 * @param sha256 lower-case hex digest of its bytes
 * @param width image width in pixels, or null
 * @param height image height in pixels, or null
 * @param durationSeconds video length, or null
 * @param nsfw whether fal's safety checker flagged it ({@code has_nsfw_concepts}); kept only under the tenant's
 *     {@code nsfw_policy: deliver}
 */
public record StoredOutput(
        int index,
        String objectKey,
        String contentType,
        long bytes,
        String sha256,
        Integer width,
        Integer height,
        BigDecimal durationSeconds,
        boolean nsfw) {}
