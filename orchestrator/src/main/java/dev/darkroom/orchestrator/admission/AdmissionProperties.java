package dev.darkroom.orchestrator.admission;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Admission settings.
 *
 * @param consumers concurrent consumers of the submit queue, as {@code min-max}
 * @param idempotencyKeyTtl how long an {@code Idempotency-Key} is honoured; housekeeping deletes older ones
 * @param requestTimeMaxAge how far back a command's request time (when the gateway accepted it) is believed when
 *     rate limits judge it: a command drained after an outage is judged at the rate its tenant sent it, but a
 *     request time older than this (or later than the orchestrator's clock) is taken as this long ago (or now);
 *     housekeeping deletes admitted requests older than this
 */
@ConfigurationProperties("darkroom.admission")
record AdmissionProperties(
        @DefaultValue("2-4") String consumers,
        @DefaultValue("24h") Duration idempotencyKeyTtl,
        @DefaultValue("6h") Duration requestTimeMaxAge) {}
