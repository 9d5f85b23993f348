package dev.darkroom.worker.core.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** fal-sim's admin API ({@code /_sim}): what it received, and its fault switches. */
public final class FalSimAdmin {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String baseUrl;
    private final HttpClient http = HttpClient.newHttpClient();

    public FalSimAdmin(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Replaces the fault settings; fields left out are off. */
    public void faults(String json) {
        send(HttpRequest.newBuilder(URI.create(baseUrl + "/_sim/faults"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    /** Forgets every request and restores the configured faults. */
    public void reset() {
        send(HttpRequest.newBuilder(URI.create(baseUrl + "/_sim/reset"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    }

    /** Every request fal-sim holds, newest first. */
    public List<JsonNode> requests() {
        List<JsonNode> all = new ArrayList<>();
        get("/_sim/requests").forEach(all::add);
        return all;
    }

    /** The requests submitted with this job's webhook URL, newest first. */
    public List<JsonNode> requestsOfJob(java.util.UUID jobId) {
        return requests().stream()
                .filter(r -> r.path("webhook_url").asString("").contains("/fal/webhooks/" + jobId + "?"))
                .toList();
    }

    /** One request in detail, with its input. */
    public JsonNode request(String requestId) {
        return get("/_sim/requests/" + requestId);
    }

    /** GETs any URL, e.g. a CDN file. */
    public HttpResponse<byte[]> fetch(String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonNode get(String path) {
        return JSON.readTree(
                send(HttpRequest.newBuilder(URI.create(baseUrl + path)).build()));
    }

    private String send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(
                        request.uri() + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
