package dev.darkroom.orchestrator.api;

import dev.darkroom.support.problems.InvalidRequestException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * An opaque position in a list ordered by (time, id): stable under inserts, unlike an offset.
 *
 * @param at the time of the last item seen
 * @param id the id of the last item seen
 */
public record Cursor(Instant at, UUID id) {

    public String encode() {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((at.toString() + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor a client sent back, or null for the first page. */
    public static Cursor decode(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8).split("\\|");
            return new Cursor(Instant.parse(parts[0]), UUID.fromString(parts[1]));
        } catch (RuntimeException e) {
            throw new InvalidRequestException("cursor", "cursor is not one this API returned");
        }
    }

    /** A page size between 1 and {@code max}, 20 when absent. */
    public static int limit(Integer requested, int max) {
        if (requested == null) {
            return Math.min(20, max);
        }
        if (requested < 1 || requested > max) {
            throw new InvalidRequestException("limit", "limit must be from 1 to " + max);
        }
        return requested;
    }
}
