package dev.darkroom.falsim.render;

import tools.jackson.databind.JsonNode;

/**
 * A model's output: the result body fal returns, with its files already on the CDN.
 *
 * @param body the result JSON
 * @param bodySize the serialized size of {@code body}, which decides its retention
 * @param summary a log line describing what was made
 */
public record RenderedOutput(JsonNode body, long bodySize, String summary) {}
