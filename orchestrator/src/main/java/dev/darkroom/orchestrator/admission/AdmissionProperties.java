package dev.darkroom.orchestrator.admission;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Admission settings.
 *
 * @param consumers concurrent consumers of the submit queue, as {@code min-max}
 * @param idempotencyKeyTtl how long an {@code Idempotency-Key} is honoured; housekeeping deletes older ones
 * @param rateWindowKeep how long a requests-per-minute counter is kept; only the last two minutes count
 */
@ConfigurationProperties("darkroom.admission")
record AdmissionProperties(
        @DefaultValue("2-4") String consumers,
        @DefaultValue("24h") Duration idempotencyKeyTtl,
        @DefaultValue("10m") Duration rateWindowKeep) {}
