package dev.darkroom.orchestrator.admission;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Admission settings.
 *
 * @param requestTimeMaxAge how far back a command's request time (when the gateway accepted it) is believed when
 *     rate limits judge it: a command drained after an outage is judged at the rate its tenant sent it, but a
 *     request time older than this (or later than the orchestrator's clock) is taken as this long ago (or now)
 */
@ConfigurationProperties("darkroom.admission")
public record AdmissionProperties(@DefaultValue("6h") Duration requestTimeMaxAge) {}
