package dev.darkroom.orchestrator.jobs;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the orchestrator follows jobs at fal.
 *
 * @param checkMargin added to a model's expected time before the reconciler polls a submitted job
 */
@ConfigurationProperties("darkroom.jobs")
record JobEventsProperties(@DefaultValue("30s") Duration checkMargin) {}
