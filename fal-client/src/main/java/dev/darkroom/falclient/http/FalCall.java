package dev.darkroom.falclient.http;

import java.net.URI;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * One logical call to fal, possibly sent several times.
 *
 * @param method HTTP method
 * @param uri full URL
 * @param contentType the body's type, or null without a body
 * @param body a fresh publisher per attempt, or null without a body
 * @param headers extra headers (fal's {@code X-Fal-*} options)
 * @param authenticated whether to send {@code Authorization: Key ...}; false only for presigned URLs
 * @param policy which failures are retried
 * @param outcome non-2xx responses that are answers rather than failures (cancel's 400 and 404)
 */
public record FalCall(
        String method,
        URI uri,
        String contentType,
        Supplier<BodyPublisher> body,
        Map<String, String> headers,
        boolean authenticated,
        RetryPolicy policy,
        Predicate<FalResponse> outcome) {

    public FalCall {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(policy, "policy");
        headers = Map.copyOf(headers);
        outcome = outcome == null ? response -> false : outcome;
    }

    public static FalCall get(URI uri, RetryPolicy policy) {
        return bodiless("GET", uri, policy);
    }

    public static FalCall bodiless(String method, URI uri, RetryPolicy policy) {
        return new FalCall(method, uri, null, null, Map.of(), true, policy, null);
    }

    public static FalCall json(String method, URI uri, byte[] json, RetryPolicy policy) {
        return new FalCall(
                method, uri, "application/json", () -> BodyPublishers.ofByteArray(json), Map.of(), true, policy, null);
    }

    public FalCall withHeaders(Map<String, String> extra) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.putAll(extra);
        return new FalCall(method, uri, contentType, body, all, authenticated, policy, outcome);
    }

    public FalCall withOutcome(Predicate<FalResponse> answers) {
        return new FalCall(method, uri, contentType, body, headers, authenticated, policy, answers);
    }

    public String operation() {
        return Urls.describe(method, uri);
    }
}
