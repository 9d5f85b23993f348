package dev.darkroom.falclient.http;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The one JSON mapper of the client, and the lenient reads fal's loosely specified bodies need. */
public final class Json {

    /** Unknown fields are ignored everywhere: fal adds fields without notice. */
    public static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private Json() {}

    /** The field as text when it is a string or a number, otherwise null (absent, null, object, array). */
    public static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || !(value.isString() || value.isNumber() || value.isBoolean())) {
            return null;
        }
        return value.asString();
    }

    /** The field as an int when it is an integral number, otherwise null. */
    public static Integer integer(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isIntegralNumber() ? value.asInt() : null;
    }

    /** Parses bytes as JSON, or returns null when they are not JSON. */
    public static JsonNode parseOrNull(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return null;
        }
        try {
            return MAPPER.readTree(bytes);
        } catch (JacksonException e) {
            return null;
        }
    }

    /** Serialises a tree. */
    public static byte[] bytes(Object value) {
        return MAPPER.writeValueAsBytes(value);
    }
}
