package dev.darkroom.orchestrator.admission;

import java.time.Duration;
import java.time.Instant;

/**
 * The requests-per-minute counters around a request. Hand-written rather than a rate-limit library: it must run
 * inside the admission transaction, under the tenant lock, so the limit holds across replicas without another
 * store or round trip (Bucket4j's JDBC backend runs its own transactions).
 *
 * @param minute start of the current minute
 * @param now the request's time
 * @param current requests counted in the current minute, this one included
 * @param previous requests in the minute before
 */
record RateWindow(Instant minute, Instant now, int current, int previous) {

    /** Sliding-window estimate of requests in the last 60 seconds. */
    double estimate() {
        double elapsed = Duration.between(minute, now).toMillis() / 60_000.0;
        return current + previous * (1 - elapsed);
    }

    boolean exceeds(int limit) {
        return estimate() > limit;
    }

    /** Whole requests that still fit under {@code limit}, for the tenant's quota view. */
    long remaining(int limit) {
        return Math.max(0, limit - (long) Math.ceil(estimate()));
    }

    /** Whole seconds until a request would fit again. */
    long retryAfterSeconds(int limit) {
        double elapsedSeconds = Duration.between(minute, now).toMillis() / 1000.0;
        if (current >= limit || previous == 0) {
            return Math.max(1, (long) Math.ceil(60 - elapsedSeconds));
        }
        // previous * (1 - (elapsed + t) / 60) + current <= limit  =>  t >= 60 * (1 - (limit - current) / previous) -
        // elapsed
        double wait = 60 * (1 - (double) (limit - current) / previous) - elapsedSeconds;
        return Math.max(1, (long) Math.ceil(wait));
    }
}
