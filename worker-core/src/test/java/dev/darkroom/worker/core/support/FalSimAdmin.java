package dev.darkroom.worker.core.support;

import dev.darkroom.testsupport.FalSimRequests;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** fal-sim's admin API ({@code /_sim}): what it received (read through test-support), and its fault switches. */
public final class FalSimAdmin {

    private final String baseUrl;
    private final FalSimRequests requests;
    private final HttpClient http = HttpClient.newHttpClient();

    public FalSimAdmin(String baseUrl) {
        this.baseUrl = baseUrl;
        this.requests = new FalSimRequests(baseUrl);
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

    /** The requests submitted with this job's webhook URL, newest first. */
    public List<JsonNode> requestsOfJob(UUID jobId) {
        return requests.ofJob(jobId);
    }

    /** One request in detail, with its input. */
    public JsonNode request(String requestId) {
        return requests.request(requestId);
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
