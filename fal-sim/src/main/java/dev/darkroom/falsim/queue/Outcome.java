package dev.darkroom.falsim.queue;

import dev.darkroom.falsim.faults.ModelError;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * How a request ended: what its result URL answers, and what its status reports.
 *
 * @param status HTTP status of the result
 * @param body result body
 * @param headers extra headers of the result ({@code X-Fal-Error-Type}, {@code X-Fal-Request-Timeout-Type})
 * @param inferenceSeconds model time, null when the model never ran
 * @param error the status's {@code error}, null on success
 * @param errorType the status's {@code error_type}, null on success
 * @param bodySize size of the serialized body in bytes, which decides its retention
 */
public record Outcome(
        int status,
        JsonNode body,
        Map<String, String> headers,
        Double inferenceSeconds,
        String error,
        String errorType,
        long bodySize) {

    public Outcome {
        headers = Map.copyOf(headers);
    }

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    static Outcome success(JsonNode body, long bodySize, double inferenceSeconds) {
        return new Outcome(200, body, Map.of(), inferenceSeconds, null, null, bodySize);
    }

    static Outcome failure(ModelError error, long bodySize, Double inferenceSeconds) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (error.flat()) {
            headers.put("X-Fal-Error-Type", error.errorType());
        }
        if ("startup_timeout".equals(error.errorType())) {
            headers.put("X-Fal-Request-Timeout-Type", "user");
        }
        return new Outcome(
                error.status(), error.body(), headers, inferenceSeconds, error.error(), error.errorType(), bodySize);
    }
}
