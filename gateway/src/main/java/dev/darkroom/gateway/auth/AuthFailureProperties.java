package dev.darkroom.gateway.auth;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits on failed authentication per client address ({@code darkroom.gateway.auth-failures.*}): past the limit
 * an address gets 429 {@code too_many_failed_attempts} with {@code Retry-After}, even with a valid key, until the
 * window refills, so keys cannot be guessed at speed.
 *
 * @param limit failed attempts an address may make per window
 * @param window the window the limit refills in, whole at its end
 * @param maxAddresses how many addresses are tracked at once (the least recent are forgotten first)
 */
@ConfigurationProperties("darkroom.gateway.auth-failures")
record AuthFailureProperties(
        @DefaultValue("50") int limit,
        @DefaultValue("1m") Duration window,
        @DefaultValue("100000") long maxAddresses) {

    AuthFailureProperties {
        if (limit < 1 || window.isNegative() || window.isZero() || maxAddresses < 1) {
            throw new IllegalArgumentException(
                    "darkroom.gateway.auth-failures needs a positive limit, window and size");
        }
    }
}
