package dev.darkroom.orchestrator.reconcile;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Reconciler settings.
 *
 * @param interval how often due jobs are looked for
 * @param batchSize jobs looked at per round
 * @param pollInterval wait between two polls of a job still queued or running at fal
 * @param queueDeadline longest a job may wait in fal's queue before it is cancelled there and expires
 * @param maxRunTime longest a job may stay with fal after submission before it is cancelled there and expires
 * @param ingestGrace after feeding a finished result to ingestion, when to look again if the job is still open
 * @param cancelFollowUp after asking fal to cancel, when to look again
 * @param lease how long a due job is reserved for one reconciler round
 */
@ConfigurationProperties("darkroom.reconciler")
record ReconcilerProperties(
        @DefaultValue("1s") Duration interval,
        @DefaultValue("50") int batchSize,
        @DefaultValue("15s") Duration pollInterval,
        @DefaultValue("10m") Duration queueDeadline,
        @DefaultValue("1h") Duration maxRunTime,
        @DefaultValue("2m") Duration ingestGrace,
        @DefaultValue("3s") Duration cancelFollowUp,
        @DefaultValue("60s") Duration lease) {}
