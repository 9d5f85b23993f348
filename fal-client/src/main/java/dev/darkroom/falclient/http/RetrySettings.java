package dev.darkroom.falclient.http;

import java.time.Duration;
import java.util.Objects;

/**
 * How hard the client tries before it gives up on a retryable failure: jittered exponential backoff between
 * attempts, never shorter than fal's {@code Retry-After}.
 *
 * @param maxAttempts attempts in total, the first one included; 1 disables retries
 * @param baseDelay the backoff before the second attempt; it doubles with each further attempt
 * @param maxDelay the cap on one wait; a {@code Retry-After} longer than this is not waited out but surfaced, so a
 *     caller's thread is never parked for minutes
 */
public record RetrySettings(int maxAttempts, Duration baseDelay, Duration maxDelay) {

    /**
     * Modelled on fal's own clients (docs/fal-protocol.md#retries): fal-js queue calls make 1 + 3 attempts starting at
     * 1 s; python caps a wait at 30 s.
     */
    public static final RetrySettings DEFAULTS = new RetrySettings(4, Duration.ofSeconds(1), Duration.ofSeconds(30));

    /** One attempt, no retries. */
    public static final RetrySettings NONE = new RetrySettings(1, Duration.ofMillis(1), Duration.ofMillis(1));

    public RetrySettings {
        Objects.requireNonNull(baseDelay, "baseDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        if (baseDelay.isNegative() || baseDelay.isZero() || maxDelay.compareTo(baseDelay) < 0) {
            throw new IllegalArgumentException("need 0 < baseDelay <= maxDelay");
        }
    }
}
