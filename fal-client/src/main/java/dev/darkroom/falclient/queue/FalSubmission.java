package dev.darkroom.falclient.queue;

import dev.darkroom.falclient.http.Json;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * fal accepted a request into its queue. Persist at least {@code requestId} and the three URLs before relying on a
 * webhook: they are how the request is found again.
 *
 * @param requestId the id for the queue API and the webhook
 * @param gatewayRequestId the id of the last attempt fal made (equals requestId unless fal retried); may be null
 * @param statusUrl where to poll the status
 * @param responseUrl where to fetch the result
 * @param cancelUrl where to cancel
 * @param queuePosition the position fal reported at submit, or null when it did not say
 */
public record FalSubmission(
        String requestId,
        String gatewayRequestId,
        String statusUrl,
        String responseUrl,
        String cancelUrl,
        Integer queuePosition) {

    /**
     * Reads a submit response. Missing URLs (older fal answers had only some) are built from the endpoint id;
     * returns null when the body has no request id.
     */
    static FalSubmission parse(JsonNode body, String endpointId, QueueUrls urls) {
        String requestId = Json.text(body, "request_id");
        if (requestId == null) {
            return null;
        }
        return new FalSubmission(
                requestId,
                Json.text(body, "gateway_request_id"),
                orElse(Json.text(body, "status_url"), () -> urls.status(endpointId, requestId)),
                orElse(Json.text(body, "response_url"), () -> urls.result(endpointId, requestId)),
                orElse(Json.text(body, "cancel_url"), () -> urls.cancel(endpointId, requestId)),
                Json.integer(body, "queue_position"));
    }

    private static String orElse(String value, Supplier<String> fallback) {
        return value != null && !value.isBlank() ? value : fallback.get();
    }
}
