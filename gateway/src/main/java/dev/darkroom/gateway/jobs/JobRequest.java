package dev.darkroom.gateway.jobs;

import dev.darkroom.support.problems.DarkroomException;
import dev.darkroom.support.problems.InvalidRequestException;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The body of {@code POST /v1/jobs} and {@code POST /v1/estimate}: {@code {"model", "input", "metadata"?}}.
 *
 * @param model Darkroom's model id
 * @param input the model input, validated later against the catalog
 * @param metadata the tenant's metadata, echoed back, or null
 */
record JobRequest(String model, JsonNode input, JsonNode metadata) {

    private static final Set<String> FIELDS = Set.of("model", "input", "metadata");
    private static final int MAX_METADATA_CHARS = 16 * 1024;

    static JobRequest parse(byte[] body, JsonMapper json) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JacksonException e) {
            throw new DarkroomException(400, "malformed_json", "the body is not valid JSON", Map.of());
        }
        if (root == null || !root.isObject()) {
            throw new DarkroomException(400, "malformed_json", "the body must be a JSON object", Map.of());
        }
        for (String field : root.propertyNames()) {
            if (!FIELDS.contains(field)) {
                throw new InvalidRequestException(
                        field, "unknown field " + field + "; expected model, input, metadata");
            }
        }
        JsonNode model = root.get("model");
        if (model == null || !model.isString() || model.asString().isBlank()) {
            throw new InvalidRequestException("model", "model is required, e.g. \"flux-dev\"");
        }
        JsonNode input = root.get("input");
        if (input == null || !input.isObject()) {
            throw new InvalidRequestException("input", "input must be a JSON object with at least a prompt");
        }
        JsonNode metadata = root.get("metadata");
        if (metadata != null && !metadata.isNull()) {
            if (!metadata.isObject()) {
                throw new InvalidRequestException("metadata", "metadata must be a JSON object");
            }
            if (metadata.toString().length() > MAX_METADATA_CHARS) {
                throw new InvalidRequestException("metadata", "metadata must be at most 16 KB");
            }
        }
        return new JobRequest(model.asString(), input, metadata == null || metadata.isNull() ? null : metadata);
    }
}
