package dev.darkroom.falclient.queue;

import dev.darkroom.falclient.http.Json;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * Where a request is. fal has three states; a failed request is COMPLETED with an error (there is no FAILED), and
 * logs are only present when asked for.
 */
public sealed interface FalStatus {

    /** fal's request id, when the body carried it. */
    String requestId();

    /** Waiting in fal's queue. */
    record InQueue(String requestId, Integer position) implements FalStatus {}

    /** Running on a runner. */
    record InProgress(String requestId, List<RequestLog> logs) implements FalStatus {}

    /**
     * Finished, successfully or not.
     *
     * @param metrics e.g. {@code {"inference_time": 3.42}}, or a missing node
     * @param error the failure message, or null when it succeeded
     * @param errorType fal's error type, or null
     */
    record Completed(String requestId, List<RequestLog> logs, JsonNode metrics, String error, String errorType)
            implements FalStatus {

        /** True when fal reported an error; the result call then answers with the model's error. */
        public boolean failed() {
            return error != null || errorType != null;
        }
    }

    /** Reads a status body; null when the {@code status} value is not one fal documents. */
    static FalStatus parse(JsonNode body) {
        String requestId = Json.text(body, "request_id");
        String status = Json.text(body, "status");
        if (status == null) {
            return null;
        }
        switch (status) {
            case "IN_QUEUE":
                return new InQueue(requestId, Json.integer(body, "queue_position"));
            case "IN_PROGRESS":
                return new InProgress(requestId, logs(body));
            case "COMPLETED":
                JsonNode metrics = body.has("metrics") ? body.get("metrics") : MissingNode.getInstance();
                return new Completed(
                        requestId, logs(body), metrics, Json.text(body, "error"), Json.text(body, "error_type"));
            default:
                return null;
        }
    }

    private static List<RequestLog> logs(JsonNode body) {
        List<RequestLog> logs = new ArrayList<>();
        for (JsonNode line : body.path("logs")) {
            if (line.isObject()) {
                logs.add(RequestLog.parse(line));
            }
        }
        return List.copyOf(logs);
    }
}
