package dev.darkroom.orchestrator.tenants;

import dev.darkroom.support.problems.InvalidRequestException;
import tools.jackson.databind.JsonNode;

/**
 * Reads admin request fields (and {@link TenantChanges} reads the quota fields with these), so a field of the wrong
 * JSON type is a 422 naming it rather than a conversion error deep inside Jackson.
 */
final class AdminBodies {

    private AdminBodies() {}

    /** The body, which must be a JSON object when present. */
    static JsonNode object(JsonNode body) {
        return body == null ? null : requiredObject(body);
    }

    /** The body, which must be a JSON object. */
    static JsonNode requiredObject(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new InvalidRequestException("body", "the body must be a JSON object");
        }
        return body;
    }

    /** A string field, or null when absent or null. */
    static String string(JsonNode body, String field, int maxLength) {
        if (object(body) == null || !body.hasNonNull(field)) {
            return null;
        }
        return nonBlank(body.get(field), field, maxLength);
    }

    /** A field's value, which must be a non-blank string of at most {@code maxLength} characters. */
    static String nonBlank(JsonNode value, String field, int maxLength) {
        if (!value.isString() || value.asString().isBlank() || value.asString().length() > maxLength) {
            throw new InvalidRequestException(
                    field, field + " must be a non-empty string of at most " + maxLength + " characters");
        }
        return value.asString();
    }

    /** A whole-number field from {@code min} to {@code max}, or {@code absent} when absent or null. */
    static long wholeNumber(JsonNode body, String field, long min, long max, long absent) {
        if (object(body) == null || !body.hasNonNull(field)) {
            return absent;
        }
        JsonNode value = body.get(field);
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < min || value.asLong() > max) {
            throw new InvalidRequestException(field, field + " must be a whole number from " + min + " to " + max);
        }
        return value.asLong();
    }
}
