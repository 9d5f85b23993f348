package dev.darkroom.falclient.http;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/** The wait before the next attempt: exponential with "equal jitter", floored by {@code Retry-After}. */
final class Backoff {

    private final RetrySettings settings;
    private final DoubleSupplier random;

    Backoff(RetrySettings settings) {
        this(settings, () -> ThreadLocalRandom.current().nextDouble());
    }

    Backoff(RetrySettings settings, DoubleSupplier random) {
        this.settings = settings;
        this.random = random;
    }

    /**
     * The wait after the given failed attempt (1-based), or empty when fal asked for a longer pause than {@code
     * maxDelay}: such a pause is the caller's to schedule, not a thread's to sleep through.
     */
    Optional<Duration> after(int failedAttempt, Duration retryAfter) {
        if (retryAfter != null && retryAfter.compareTo(settings.maxDelay()) > 0) {
            return Optional.empty();
        }
        long baseMillis = settings.baseDelay().toMillis();
        long capMillis = settings.maxDelay().toMillis();
        int shift = Math.min(failedAttempt - 1, 30);
        long exponential = Math.min(capMillis, baseMillis << shift);
        // half fixed, half random: spreads a crowd of clients out without ever retrying immediately
        long jittered = exponential / 2 + Math.round(random.getAsDouble() * (exponential - exponential / 2));
        Duration wait = Duration.ofMillis(jittered);
        if (retryAfter != null && retryAfter.compareTo(wait) > 0) {
            wait = retryAfter;
        }
        return Optional.of(wait);
    }
}
