package dev.darkroom.falclient.webhooks;

/** A webhook failed verification; {@link #reason()} says why, for metrics and for choosing the HTTP answer. */
public final class WebhookVerificationException extends RuntimeException {

    /** Why a webhook was refused. */
    public enum Reason {
        /** One of the four {@code X-Fal-Webhook-*} headers is absent or empty. */
        MISSING_HEADER(false),
        /** The timestamp is not a number, or the signature is not 64 bytes of hex. */
        MALFORMED_HEADER(false),
        /** The timestamp is further from now than the tolerance: a replay, or a badly skewed clock. */
        STALE_TIMESTAMP(false),
        /** No published key verifies the signature: forged, altered, or signed by a key fal no longer publishes. */
        BAD_SIGNATURE(false),
        /** fal's JWKS was fetched but holds no usable Ed25519 key. */
        NO_KEYS(true),
        /** fal's JWKS could not be fetched and no keys are cached; answer 5xx so fal delivers again. */
        KEYS_UNAVAILABLE(true);

        private final boolean transientFailure;

        Reason(boolean transientFailure) {
            this.transientFailure = transientFailure;
        }

        /** True when the webhook may verify later (answer 5xx so fal retries); false for a 401-style refusal. */
        public boolean isTransient() {
            return transientFailure;
        }
    }

    private final Reason reason;

    public WebhookVerificationException(Reason reason, String message) {
        this(reason, message, null);
    }

    public WebhookVerificationException(Reason reason, String message, Throwable cause) {
        super(reason + ": " + message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
