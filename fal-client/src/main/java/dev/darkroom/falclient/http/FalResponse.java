package dev.darkroom.falclient.http;

import java.net.http.HttpHeaders;
import tools.jackson.databind.JsonNode;

/**
 * One HTTP response from fal, body fully read.
 *
 * @param operation method, host and path of the request, for messages
 * @param status HTTP status
 * @param headers response headers (case-insensitive lookup)
 * @param body raw body bytes, possibly empty
 */
public record FalResponse(String operation, int status, HttpHeaders headers, byte[] body) {

    /** The first value of a header, or null. */
    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    public boolean successful() {
        return status >= 200 && status < 300;
    }

    /** The body as JSON, or null when it is empty or not JSON. */
    public JsonNode json() {
        return Json.parseOrNull(body);
    }
}
