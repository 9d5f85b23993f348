package dev.darkroom.contracts.messages;

import dev.darkroom.contracts.jobs.JobView;

/**
 * The orchestrator's answer to {@link SubmitJob}.
 *
 * @param job the job as the public API shows it (present when admitted, when an idempotent retry found it, and when
 *     a rejected job was recorded)
 * @param rejection why it was refused, or null
 */
public record SubmitJobReply(JobView job, Rejection rejection) {

    public static SubmitJobReply admitted(JobView job) {
        return new SubmitJobReply(job, null);
    }

    public static SubmitJobReply rejected(Rejection rejection, JobView job) {
        return new SubmitJobReply(job, rejection);
    }
}
