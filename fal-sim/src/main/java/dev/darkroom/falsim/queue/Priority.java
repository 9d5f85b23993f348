package dev.darkroom.falsim.queue;

import java.util.Locale;

/** {@code X-Fal-Queue-Priority}: higher runs first; fal documents low and normal, its OpenAPI also lists high. */
public enum Priority {
    LOW,
    NORMAL,
    HIGH;

    /** The priority a header asks for, NORMAL when absent, null when the value is not one of fal's. */
    static Priority fromHeader(String value) {
        if (value == null || value.isBlank()) {
            return NORMAL;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "low" -> LOW;
            case "normal" -> NORMAL;
            case "high" -> HIGH;
            default -> null;
        };
    }
}
