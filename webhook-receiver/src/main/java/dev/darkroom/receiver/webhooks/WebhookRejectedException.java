package dev.darkroom.receiver.webhooks;

import dev.darkroom.support.problems.DarkroomException;

/**
 * A webhook the receiver will not record, answered as a problem document. {@link #outcome()} is the metrics tag.
 * Details never carry the token, the signature or the body.
 */
final class WebhookRejectedException extends DarkroomException {

    private final String outcome;

    private WebhookRejectedException(int status, String code, String detail, String outcome) {
        super(status, code, detail);
        this.outcome = outcome;
    }

    static WebhookRejectedException invalidToken() {
        return new WebhookRejectedException(
                401,
                "invalid_webhook_token",
                "The webhook URL's token is not valid for this job, or has expired.",
                "invalid_token");
    }

    static WebhookRejectedException invalidSignature() {
        return new WebhookRejectedException(
                401, "invalid_webhook_signature", "The webhook's fal signature did not verify.", "invalid_signature");
    }

    static WebhookRejectedException otherFalUser() {
        return new WebhookRejectedException(
                401, "invalid_webhook_user", "The webhook was signed for another fal account.", "other_fal_user");
    }

    static WebhookRejectedException keysUnavailable() {
        return new WebhookRejectedException(
                503, "webhook_keys_unavailable", "fal's webhook keys cannot be read right now.", "keys_unavailable");
    }

    static WebhookRejectedException tooLarge(long maxBytes) {
        return new WebhookRejectedException(
                413, "webhook_too_large", "The webhook body is larger than " + maxBytes + " bytes.", "too_large");
    }

    static WebhookRejectedException malformed(String detail) {
        return new WebhookRejectedException(400, "malformed_webhook", detail, "malformed");
    }

    static WebhookRejectedException brokerUnavailable() {
        return new WebhookRejectedException(
                503,
                "broker_unavailable",
                "The webhook could not be recorded; deliver it again.",
                "broker_unavailable");
    }

    String outcome() {
        return outcome;
    }
}
