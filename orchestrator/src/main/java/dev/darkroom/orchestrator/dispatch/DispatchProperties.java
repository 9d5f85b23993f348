package dev.darkroom.orchestrator.dispatch;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Dispatch settings.
 *
 * @param globalInFlightCap jobs at fal at once across all tenants: the fal account's concurrency
 * @param interval how often the dispatcher looks for room when not nudged
 * @param workerTimeout how long a dispatched job may wait for a worker to report it submitted before the
 *     reconciler dispatches it again
 * @param maxAttempts dispatches of one job before it fails with {@code dispatch_timeout}
 * @param submitLease how long a worker's submit lease keeps the reconciler from dispatching the job again: longer
 *     than a worker takes from the lease to its {@code JobSubmitted} report, fal's submit and its retries included
 */
@ConfigurationProperties("darkroom.dispatch")
public record DispatchProperties(
        @DefaultValue("16") int globalInFlightCap,
        @DefaultValue("1s") Duration interval,
        @DefaultValue("2m") Duration workerTimeout,
        @DefaultValue("3") int maxAttempts,
        @DefaultValue("2m") Duration submitLease) {}
