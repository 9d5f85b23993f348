package dev.darkroom.falclient.http;

import dev.darkroom.falclient.errors.FalException;
import dev.darkroom.falclient.errors.FalRateLimitedException;
import dev.darkroom.falclient.errors.FalSubmitUncertainException;
import dev.darkroom.falclient.errors.FalTransportException;
import java.util.Set;

/** Which failures of a call are worth another attempt, and how a final failure is presented. */
public enum RetryPolicy {

    /** Reads and idempotent writes (status, cancel, storage): every transient failure is retried. */
    IDEMPOTENT {
        @Override
        boolean shouldRetry(FalException failure) {
            return failure.retryable()
                    && (failure instanceof FalTransportException || RETRY_STATUSES.contains(failure.status()));
        }
    },

    /**
     * The result call: like {@link #IDEMPOTENT}, except that a 5xx carrying {@code x-fal-request-id} is not retried.
     * fal answers a failed request's result with the status the model produced, so that 5xx is the request's stored
     * outcome and asking again returns it again.
     */
    RESULT {
        @Override
        boolean shouldRetry(FalException failure) {
            boolean storedOutcome = failure.status() >= 500 && failure.requestId() != null;
            return !storedOutcome && IDEMPOTENT.shouldRetry(failure);
        }
    },

    /**
     * Submit. fal has no idempotency key for submit: a submit that reached fal and is sent again becomes a second,
     * billed generation. So it is retried only when fal certainly did not enqueue it: a 429 (fal refused it), a 503
     * from fal's edge without {@code x-fal-request-id} (it never got past the ingress), or a connection that was
     * never established. A failure after the request may have reached fal (502/504 and other 5xx, read timeout,
     * reset) becomes a {@link FalSubmitUncertainException} for the caller to reconcile.
     */
    SUBMIT {
        @Override
        boolean shouldRetry(FalException failure) {
            if (failure instanceof FalTransportException transport) {
                return !transport.mayHaveBeenSent();
            }
            if (failure instanceof FalRateLimitedException) {
                return failure.retryable();
            }
            return failure.status() == 503 && failure.requestId() == null && failure.retryable();
        }

        @Override
        FalException surface(FalException failure) {
            boolean maybeEnqueued = failure instanceof FalTransportException transport
                    ? transport.mayHaveBeenSent()
                    : failure.status() >= 500 && !(failure.status() == 503 && failure.requestId() == null);
            return maybeEnqueued
                    ? new FalSubmitUncertainException(
                            "fal may or may not have enqueued this submit; reconcile before submitting again ("
                                    + failure.getMessage() + ")",
                            failure)
                    : failure;
        }
    },

    /** A call whose body cannot be sent twice (a streamed upload): one attempt. */
    NEVER {
        @Override
        boolean shouldRetry(FalException failure) {
            return false;
        }
    };

    /**
     * fal's python client retries 408, 409 and 429; 502, 503 and 504 are gateway hiccups
     * (docs/fal-protocol.md#retries).
     */
    static final Set<Integer> RETRY_STATUSES = Set.of(408, 409, 429, 502, 503, 504);

    abstract boolean shouldRetry(FalException failure);

    /** The exception the caller sees once no more attempts will be made. */
    FalException surface(FalException failure) {
        return failure;
    }
}
