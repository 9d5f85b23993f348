package dev.darkroom.orchestrator.jobs;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Workers' submit leases.
 *
 * @param submitLease how long a worker's submit lease keeps the reconciler from dispatching the job again: longer
 *     than a worker takes from the lease to its {@code JobSubmitted} report, fal's submit and its retries included
 */
@ConfigurationProperties("darkroom.jobs")
record SubmitLeaseProperties(@DefaultValue("2m") Duration submitLease) {}
