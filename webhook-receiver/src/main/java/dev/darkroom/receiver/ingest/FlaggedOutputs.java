package dev.darkroom.receiver.ingest;

import dev.darkroom.contracts.messages.JobError;
import dev.darkroom.receiver.outputs.OutputRef;
import java.util.List;

/**
 * The tenant's {@code nsfw_policy} applied to fal's outputs before anything is downloaded or stored: {@code deliver}
 * keeps flagged images (marked), {@code drop} (the default) leaves them out, so they are neither stored nor charged,
 * and {@code fail} fails the job. Where nothing is left to deliver, the job fails {@value #CONTENT_FLAGGED}.
 */
final class FlaggedOutputs {

    static final String CONTENT_FLAGGED = "content_flagged";

    private FlaggedOutputs() {}

    /**
     * The outputs to store.
     *
     * @throws JobFailure when the policy fails the job
     */
    static List<OutputRef> apply(String policy, List<OutputRef> refs) {
        long flagged = refs.stream().filter(OutputRef::nsfw).count();
        if (flagged == 0 || "deliver".equals(policy)) {
            return refs;
        }
        String what = "fal's safety checker flagged " + flagged + " of " + refs.size() + " output(s)";
        if ("fail".equals(policy)) {
            throw failure(what + "; the tenant's nsfw_policy is fail");
        }
        List<OutputRef> kept = refs.stream().filter(r -> !r.nsfw()).toList();
        if (kept.isEmpty()) {
            throw failure(what + "; none is left to deliver");
        }
        return kept;
    }

    private static JobFailure failure(String message) {
        return new JobFailure(new JobError(CONTENT_FLAGGED, message, null));
    }
}
