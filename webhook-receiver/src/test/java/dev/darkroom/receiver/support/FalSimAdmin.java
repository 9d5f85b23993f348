package dev.darkroom.receiver.support;

import dev.darkroom.testsupport.FalSimRequests;
import dev.darkroom.testsupport.FalSimServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Reads fal-sim's admin API: what it did with a request and its webhook. */
public final class FalSimAdmin {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private FalSimAdmin() {}

    /** {@code GET /_sim/requests/{id}}. */
    public static JsonNode request(String requestId) {
        return FalSimServer.shared().requests().request(requestId);
    }

    /** The HTTP status of every webhook attempt so far (null for a failed call), in order. */
    public static List<Integer> webhookStatuses(String requestId) {
        return FalSimRequests.webhookStatuses(request(requestId));
    }

    /** The state of the request: IN_QUEUE, IN_PROGRESS, COMPLETED. */
    public static String state(String requestId) {
        return request(requestId).path("state").asString();
    }

    /** The bytes behind a URL fal-sim returned (its CDN). */
    public static byte[] download(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray())
                    .body();
        } catch (IOException e) {
            throw new IllegalStateException("cannot download " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
