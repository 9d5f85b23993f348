package dev.darkroom.orchestrator.admission;

import java.time.Duration;
import java.time.Instant;

/**
 * A tenant's admitted requests in the minute before a request: a sliding log, so a limit of N per minute admits N
 * in every 60 s and refusals never count. Hand-written rather than a rate-limit library: it must run inside the
 * admission transaction, under the tenant lock, so the limit holds across replicas without another store or round
 * trip (Bucket4j's JDBC backend runs its own transactions).
 *
 * @param at the request's time
 * @param admitted requests admitted in {@code (at - 60 s, at]}
 * @param freesAt when the window has room again: 60 s after the limit-th most recent admission, or null when the
 *     window is not full
 */
record RateWindow(Instant at, int admitted, Instant freesAt) {

    /** How far back admissions count. */
    static final Duration LENGTH = Duration.ofMinutes(1);

    boolean exceeds(int limit) {
        return admitted >= limit;
    }

    /** Requests that still fit under {@code limit}, for the tenant's quota view. */
    long remaining(int limit) {
        return Math.max(0, limit - admitted);
    }

    /**
     * Whole seconds from the request's time until a retry is admitted (rounded up, so a retry that waits this long is
     * admitted unless other requests take the room first).
     */
    long retryAfterSeconds() {
        if (freesAt == null) {
            return 1;
        }
        long millis = Duration.between(at, freesAt).toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }
}
