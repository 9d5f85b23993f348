package dev.darkroom.falsim.web;

import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * fal's object lifecycle headers ({@code X-Fal-Object-Lifecycle} on uploads, {@code
 * X-Fal-Object-Lifecycle-Preference} on submit): JSON with {@code expiration_duration_seconds}.
 */
public final class ObjectLifecycle {

    private ObjectLifecycle() {}

    /**
     * The lifetime a header asks for, or null for the default. Unreadable values are ignored rather than failing
     * the request: they only tune storage.
     */
    public static Duration expiration(String header, JsonMapper json) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            JsonNode seconds = json.readTree(header).path("expiration_duration_seconds");
            return seconds.isNumber() ? Duration.ofSeconds(seconds.asLong()) : null;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
