package dev.darkroom.falclient.queue;

import dev.darkroom.falclient.http.Json;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * One log line of a request. fal has used several shapes ({@code level}/{@code source} at the top, or inside
 * {@code labels}); every field is optional.
 *
 * @param message the text, or null
 * @param level e.g. {@code INFO}, {@code STDERR}, or null
 * @param source e.g. {@code USER}, or null
 * @param timestamp as fal sent it, or null
 * @param labels the {@code labels} object, or a missing node
 */
public record RequestLog(String message, String level, String source, String timestamp, JsonNode labels) {

    static RequestLog parse(JsonNode node) {
        JsonNode labels = node.path("labels");
        String level = Json.text(node, "level");
        String source = Json.text(node, "source");
        return new RequestLog(
                Json.text(node, "message"),
                level != null ? level : Json.text(labels, "level"),
                source != null ? source : Json.text(labels, "source"),
                Json.text(node, "timestamp"),
                labels);
    }

    /** The timestamp as an instant, when it is ISO-8601 with an offset (fal sends {@code ...Z}). */
    public Optional<Instant> instant() {
        if (timestamp == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(timestamp).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
