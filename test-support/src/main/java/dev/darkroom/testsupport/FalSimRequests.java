package dev.darkroom.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads fal-sim's admin API ({@code /_sim/requests}): what the simulator did with each request and with its webhook.
 * Lists come newest first, as fal-sim gives them. Get one from {@link FalSimServer#requests()}, or with the base URL
 * of a fal-sim running elsewhere.
 */
public final class FalSimRequests {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String baseUrl;

    /** @param baseUrl the simulator's root, e.g. {@code http://127.0.0.1:41234} */
    public FalSimRequests(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Every request fal-sim holds, newest first. */
    public List<JsonNode> all() {
        List<JsonNode> all = new ArrayList<>();
        get("/_sim/requests").forEach(all::add);
        return all;
    }

    /** The requests submitted with this job's webhook URL ({@code .../fal/webhooks/<job id>?token=...}), newest first. */
    public List<JsonNode> ofJob(UUID jobId) {
        String webhookPath = "/fal/webhooks/" + jobId + "?";
        return all().stream()
                .filter(r -> r.path("webhook_url").asString("").contains(webhookPath))
                .toList();
    }

    /** One request in detail: also its input, result and logs. */
    public JsonNode request(String requestId) {
        return get("/_sim/requests/" + requestId);
    }

    /** The receiver's HTTP status for every webhook attempt of a request so far, in order; null where none came. */
    public static List<Integer> webhookStatuses(JsonNode request) {
        List<Integer> statuses = new ArrayList<>();
        for (JsonNode attempt : request.path("webhook").path("attempts")) {
            JsonNode status = attempt.path("status_code");
            statuses.add(status.isNumber() ? status.asInt() : null);
        }
        return statuses;
    }

    /** The state of each delivery of a request's webhook (two for a duplicated one): PENDING, DELIVERED or FAILED. */
    public static List<String> webhookDeliveries(JsonNode request) {
        List<String> deliveries = new ArrayList<>();
        request.path("webhook").path("deliveries").forEach(d -> deliveries.add(d.asString()));
        return deliveries;
    }

    /** Whether the client cancelled the request: removed from the queue, or signalled while running. */
    public static boolean cancelled(JsonNode request) {
        return request.path("cancel_requested").asBoolean()
                || "client_cancelled".equals(request.path("error_type").asString(""));
    }

    private JsonNode get(String path) {
        URI uri = URI.create(baseUrl + path);
        try {
            HttpResponse<String> response =
                    HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(uri + " answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + uri, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
