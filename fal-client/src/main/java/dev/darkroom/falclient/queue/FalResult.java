package dev.darkroom.falclient.queue;

import tools.jackson.databind.JsonNode;

/**
 * A completed request's output.
 *
 * @param requestId from the {@code x-fal-request-id} header, or null when fal did not send it
 * @param body the model's output JSON, as fal returned it
 */
public record FalResult(String requestId, JsonNode body) {}
