package dev.darkroom.contracts.messages;

/**
 * The orchestrator's answer to {@link TakeSubmitLease}.
 *
 * @param granted whether the holder may submit to fal now
 * @param reason why not (the job moved on, a newer attempt exists, another holder has the lease), or null
 */
public record SubmitLeaseReply(boolean granted, String reason) {

    public static SubmitLeaseReply grant() {
        return new SubmitLeaseReply(true, null);
    }

    public static SubmitLeaseReply refuse(String reason) {
        return new SubmitLeaseReply(false, reason);
    }
}
