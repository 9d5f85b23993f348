package dev.darkroom.falsim.faults;

import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A model (or runner) failure as fal reports it: request errors in fal's flat {@code {detail, error_type}} shape
 * with their documented status (docs/fal-protocol.md#request-errors), model errors in the {@code detail[]} shape
 * (#model-errors).
 *
 * @param status the HTTP status of the result
 * @param body the result body
 * @param error the status endpoint's {@code error}
 * @param errorType the status endpoint's {@code error_type}; for flat bodies also the {@code X-Fal-Error-Type} header
 * @param flat whether the body is the flat request-error shape
 */
public record ModelError(int status, JsonNode body, String error, String errorType, boolean flat) {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final Map<String, Integer> REQUEST_ERRORS = Map.ofEntries(
            Map.entry("request_timeout", 504),
            Map.entry("startup_timeout", 504),
            Map.entry("runner_scheduling_failure", 503),
            Map.entry("runner_connection_timeout", 503),
            Map.entry("runner_disconnected", 503),
            Map.entry("runner_connection_refused", 503),
            Map.entry("runner_connection_error", 503),
            Map.entry("runner_incomplete_response", 502),
            Map.entry("runner_server_error", 500),
            Map.entry("client_disconnected", 499),
            Map.entry("client_cancelled", 499),
            Map.entry("bad_request", 400),
            Map.entry("internal_error", 500));

    private static final Map<String, Integer> MODEL_ERROR_STATUS = Map.of(
            "internal_server_error", 500,
            "generation_timeout", 504,
            "downstream_service_error", 400,
            "downstream_service_unavailable", 500);

    private static final Map<String, String> MESSAGES = Map.ofEntries(
            Map.entry("request_timeout", "Request timed out"),
            Map.entry("startup_timeout", "Request timed out before it could start"),
            Map.entry("runner_scheduling_failure", "Could not schedule a runner for the request"),
            Map.entry("runner_connection_timeout", "Timed out connecting to the runner"),
            Map.entry("runner_disconnected", "The runner disconnected while processing the request"),
            Map.entry("runner_connection_refused", "The runner refused the connection"),
            Map.entry("runner_connection_error", "Error connecting to the runner"),
            Map.entry("runner_incomplete_response", "The runner returned an incomplete response"),
            Map.entry("runner_server_error", "Internal server error"),
            Map.entry("client_disconnected", "The client disconnected"),
            Map.entry("client_cancelled", "Request was cancelled by the client"),
            Map.entry("bad_request", "Bad request"),
            Map.entry("internal_error", "Internal error"),
            Map.entry(
                    "content_policy_violation",
                    "The content could not be processed because it contained material flagged by a content checker."),
            Map.entry("no_media_generated", "The model did not generate any media."),
            Map.entry("internal_server_error", "An internal error occurred while generating."),
            Map.entry("generation_timeout", "Generation took too long and was stopped."),
            Map.entry("downstream_service_error", "A downstream service returned an error."),
            Map.entry("downstream_service_unavailable", "A downstream service is unavailable."));

    /** The failure for an error type; unknown types become a 422 {@code detail[]} item of that type. */
    public static ModelError of(String type, String prompt) {
        String message = MESSAGES.getOrDefault(type, "The request failed: " + type);
        Integer requestStatus = REQUEST_ERRORS.get(type);
        if (requestStatus != null) {
            ObjectNode body = NODES.objectNode().put("detail", message).put("error_type", type);
            return new ModelError(requestStatus, body, message, type, true);
        }
        ObjectNode item = NODES.objectNode();
        item.putArray("loc").add("body").add("prompt");
        item.put("msg", message).put("type", type).put("url", "https://docs.fal.ai/errors/#" + type);
        item.put("input", prompt);
        ObjectNode body = NODES.objectNode();
        body.putArray("detail").add(item);
        return new ModelError(MODEL_ERROR_STATUS.getOrDefault(type, 422), body, message, type, false);
    }

    /** A validation failure: fal's 422 with pydantic-style {@code detail[]} items. */
    public static ModelError validation(JsonNode detail) {
        JsonNode first = detail.path(0);
        ObjectNode body = NODES.objectNode();
        body.set("detail", detail);
        return new ModelError(
                422,
                body,
                first.path("msg").asString("Validation error"),
                first.path("type").asString(null),
                false);
    }
}
