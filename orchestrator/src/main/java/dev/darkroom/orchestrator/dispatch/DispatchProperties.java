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
 */
@ConfigurationProperties("darkroom.dispatch")
public record DispatchProperties(
        @DefaultValue("16") int globalInFlightCap,
        @DefaultValue("1s") Duration interval,
        @DefaultValue("2m") Duration workerTimeout,
        @DefaultValue("3") int maxAttempts) {}
