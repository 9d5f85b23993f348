package dev.darkroom.contracts.messages;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Event from the webhook-receiver: fal finished the job and every output is stored.
 *
 * @param jobId the job
 * @param falRequestId the fal request whose outputs these are
 * @param outputs the stored files, in fal's order
 * @param completedAt when the last output was stored
 */
public record JobCompleted(UUID jobId, String falRequestId, List<StoredOutput> outputs, Instant completedAt) {

    public JobCompleted {
        outputs = List.copyOf(outputs);
    }
}
