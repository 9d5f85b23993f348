package dev.darkroom.orchestrator.jobs;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The service level objectives the burn-rate alerts judge. The orchestrator publishes them as
 * {@code darkroom_slo_objective_ratio{slo}} and counts each finished job against the latency threshold, so changing a
 * target here changes the alerts without editing the rules.
 *
 * @param jobSuccess share of finished jobs (canceled ones aside) that should succeed, such as 0.99
 * @param latency share of succeeded jobs that should finish within {@code latencyThreshold}, such as 0.95
 * @param latencyThreshold accepted to succeeded within this time counts as fast enough
 */
@ConfigurationProperties("darkroom.slo")
public record SloProperties(
        @DefaultValue("0.99") double jobSuccess,
        @DefaultValue("0.95") double latency,
        @DefaultValue("2m") Duration latencyThreshold) {}
