package dev.darkroom.orchestrator.scheduling;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Housekeeping settings.
 *
 * @param interval how often every feature's purge runs
 */
@ConfigurationProperties("darkroom.housekeeping")
record HousekeepingProperties(@DefaultValue("10m") Duration interval) {}
