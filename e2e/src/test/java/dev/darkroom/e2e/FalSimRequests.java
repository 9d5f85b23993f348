package dev.darkroom.e2e;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** What fal-sim's admin API says about the fal requests of a job (found by the job id in their webhook URL). */
final class FalSimRequests {

    private final String baseUrl;

    FalSimRequests(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** The job's fal requests, oldest first. */
    List<JsonNode> of(String jobId) {
        JsonNode all = Api.JSON.readTree(Api.download(baseUrl + "/_sim/requests"));
        List<JsonNode> mine = new ArrayList<>();
        for (JsonNode r : all) {
            if (r.path("webhook_url").asString("").contains("/fal/webhooks/" + jobId + "?")) {
                mine.add(0, r);
            }
        }
        return mine;
    }

    /** Whether Darkroom cancelled the request at fal: removed from the queue, or signalled while running. */
    static boolean cancelled(JsonNode request) {
        return request.path("cancel_requested").asBoolean()
                || "client_cancelled".equals(request.path("error_type").asString(""));
    }

    /** HTTP statuses of every webhook delivery attempt of a request. */
    static List<Integer> deliveryStatuses(JsonNode request) {
        List<Integer> statuses = new ArrayList<>();
        for (JsonNode attempt : request.path("webhook").path("attempts")) {
            statuses.add(attempt.path("status_code").asInt(-1));
        }
        return statuses;
    }
}
