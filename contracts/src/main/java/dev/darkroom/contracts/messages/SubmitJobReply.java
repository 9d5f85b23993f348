package dev.darkroom.contracts.messages;

import tools.jackson.databind.JsonNode;

/**
 * The orchestrator's answer to {@link SubmitJob}.
 *
 * @param job the job as the public API shows it (present when admitted, or when an idempotent retry found it)
 * @param rejection why it was refused, or null
 */
public record SubmitJobReply(JsonNode job, Rejection rejection) {

    public static SubmitJobReply admitted(JsonNode job) {
        return new SubmitJobReply(job, null);
    }

    public static SubmitJobReply rejected(Rejection rejection, JsonNode job) {
        return new SubmitJobReply(job, rejection);
    }
}
