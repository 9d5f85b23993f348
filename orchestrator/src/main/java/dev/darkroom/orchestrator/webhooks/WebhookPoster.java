package dev.darkroom.orchestrator.webhooks;

import com.standardwebhooks.Webhook;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Posts one signed delivery attempt. One deadline covers connecting, the response headers and reading the body
 * (up to a limit, discarded): a response still arriving at the deadline is cut off. Redirects are not followed.
 */
@Component
class WebhookPoster {

    /**
     * What one attempt got.
     *
     * @param httpStatus the response status, or null when no headers arrived
     * @param error why it failed, or null for a 2xx read in time
     * @param retryAfter the wait a 429 or 503 asked for, or null
     */
    record Result(Integer httpStatus, String error, Duration retryAfter) {
        boolean ok() {
            return error == null;
        }
    }

    private final HttpClient http;
    private final TenantWebhookProperties properties;

    WebhookPoster(TenantWebhookProperties properties) {
        this.properties = properties;
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Signed with every secret given (Standard Webhooks' space-separated signatures) at {@code now}. */
    Result post(URI target, String webhookId, String payload, List<String> secrets, Instant now) {
        long ts = now.getEpochSecond();
        String signature =
                secrets.stream().map(s -> sign(s, webhookId, ts, payload)).collect(Collectors.joining(" "));
        HttpRequest request = HttpRequest.newBuilder(target)
                .timeout(properties.timeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "Darkroom-Webhooks")
                .header("webhook-id", webhookId)
                .header("webhook-timestamp", String.valueOf(ts))
                .header("webhook-signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(payload))
                .build();
        LimitedDiscardingBody body =
                new LimitedDiscardingBody(properties.maxResponseBody().toBytes());
        AtomicInteger status = new AtomicInteger();
        AtomicReference<String> retryAfter = new AtomicReference<>();
        CompletableFuture<HttpResponse<Void>> response = http.sendAsync(request, info -> {
            status.set(info.statusCode());
            retryAfter.set(info.headers().firstValue("Retry-After").orElse(null));
            return body;
        });
        try {
            int code = response.get(properties.timeout().toMillis(), TimeUnit.MILLISECONDS)
                    .statusCode();
            Duration wait = code == 429 || code == 503 ? retryAfter(retryAfter.get(), now) : null;
            return new Result(code, code / 100 == 2 ? null : "HTTP " + code, wait);
        } catch (TimeoutException e) {
            body.cut();
            response.cancel(true);
            int code = status.get();
            return new Result(
                    code == 0 ? null : code,
                    code == 0
                            ? "no response within the " + properties.timeout() + " deadline"
                            : "HTTP " + code + " but the body was not complete within the " + properties.timeout()
                                    + " deadline; cut off",
                    null);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            String why = cause instanceof HttpTimeoutException
                    ? "no response within the " + properties.timeout() + " deadline"
                    : cause.getClass().getSimpleName() + ": " + cause.getMessage();
            return new Result(status.get() == 0 ? null : status.get(), why, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            response.cancel(true);
            return new Result(null, "interrupted", null);
        }
    }

    private static String sign(String secret, String id, long ts, String payload) {
        try {
            return new Webhook(secret).sign(id, ts, payload);
        } catch (Exception e) {
            throw new IllegalStateException("cannot sign with the endpoint's secret", e);
        }
    }

    /** {@code Retry-After} as seconds or an HTTP date, null when absent or unreadable. */
    static Duration retryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
                return at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
            } catch (RuntimeException notADate) {
                return null;
            }
        }
    }
}
