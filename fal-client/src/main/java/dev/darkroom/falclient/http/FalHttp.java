package dev.darkroom.falclient.http;

import dev.darkroom.falclient.errors.FalErrorResponse;
import dev.darkroom.falclient.errors.FalException;
import dev.darkroom.falclient.errors.FalTransportException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a {@link FalCall} with fal's headers and retries it by its {@link RetryPolicy}.
 *
 * <p>The retry loop is hand-written rather than resilience4j-retry: resilience4j only lets the sleep be replaced
 * through a JVM-wide static ({@code RetryImpl.setSleepFunction}), which tests in a shared JVM would race on, and
 * the decisions here (Retry-After as a floor, "give up and surface" when it is too long, a per-call policy that
 * turns a submit's last failure into an uncertain outcome) would be configured around the library more than by it.
 */
public final class FalHttp {

    private static final Logger log = LoggerFactory.getLogger(FalHttp.class);

    /** {@code darkroom-fal-client/<version> java/<feature>}, so fal can tell our traffic apart. */
    public static final String USER_AGENT = "darkroom-fal-client/"
            + Objects.requireNonNullElse(FalHttp.class.getPackage().getImplementationVersion(), "dev") + " java/"
            + Runtime.version().feature();

    private final HttpClient client;
    private final String authorization;
    private final Duration requestTimeout;
    private final RetrySettings retry;
    private final Backoff backoff;
    private final Sleeper sleeper;
    private final ErrorMapper errors;

    public FalHttp(
            HttpClient client,
            String apiKey,
            Duration requestTimeout,
            RetrySettings retry,
            Sleeper sleeper,
            Clock clock) {
        this.client = client;
        this.authorization = apiKey == null ? null : "Key " + apiKey;
        this.requestTimeout = requestTimeout;
        this.retry = retry;
        this.backoff = new Backoff(retry);
        this.sleeper = sleeper;
        this.errors = new ErrorMapper(new SecretScrubber(apiKey), clock);
    }

    /** The response when it is a success or one of the call's expected outcomes; otherwise throws. */
    public FalResponse execute(FalCall call) {
        for (int attempt = 1; ; attempt++) {
            FalException failure;
            try {
                FalResponse response = once(call);
                if (response.successful() || call.outcome().test(response)) {
                    return response;
                }
                failure = errors.map(response);
            } catch (FalTransportException e) {
                failure = e;
            }
            if (attempt >= retry.maxAttempts() || !call.policy().shouldRetry(failure)) {
                throw call.policy().surface(failure);
            }
            Optional<Duration> wait = backoff.after(attempt, failure.response().retryAfter());
            if (wait.isEmpty()) {
                throw call.policy().surface(failure);
            }
            log.info(
                    "{} failed ({}), attempt {} of {}; retrying in {} ms",
                    call.operation(),
                    failure.status() == 0 ? failure.getClass().getSimpleName() : failure.status(),
                    attempt,
                    retry.maxAttempts(),
                    wait.get().toMillis());
            if (!pause(wait.get())) {
                throw call.policy().surface(failure);
            }
        }
    }

    private FalResponse once(FalCall call) {
        HttpRequest.Builder request = HttpRequest.newBuilder(call.uri())
                .timeout(requestTimeout)
                .header("Accept", "application/json")
                .header("User-Agent", USER_AGENT);
        if ("http".equalsIgnoreCase(call.uri().getScheme())) {
            // no h2c upgrade dance on plain HTTP (the simulator, test stubs); HTTPS negotiates HTTP/2 by ALPN
            request.version(HttpClient.Version.HTTP_1_1);
        }
        if (call.authenticated() && authorization != null) {
            request.header("Authorization", authorization);
        }
        if (call.contentType() != null) {
            request.header("Content-Type", call.contentType());
        }
        call.headers().forEach(request::header);
        request.method(
                call.method(),
                call.body() == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : call.body().get());
        try {
            var response = client.send(request.build(), BodyHandlers.ofByteArray());
            log.debug("{} -> {}", call.operation(), response.statusCode());
            return new FalResponse(call.operation(), response.statusCode(), response.headers(), response.body());
        } catch (HttpConnectTimeoutException | ConnectException e) {
            throw transport(call, "could not connect", false, e);
        } catch (IOException e) {
            throw transport(call, "failed after connecting", true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw transport(call, "was interrupted", true, e);
        }
    }

    private static FalTransportException transport(FalCall call, String what, boolean maybeSent, Exception e) {
        // the JDK's message names host and port at most; it never contains headers, so the key cannot leak here
        String reason = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        return new FalTransportException(
                call.operation() + " " + what + " (" + reason + ")",
                FalErrorResponse.noResponse(call.operation()),
                maybeSent,
                e);
    }

    /** False when interrupted: the caller is shutting down, so the last failure is reported instead. */
    private boolean pause(Duration wait) {
        try {
            sleeper.sleep(wait);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
