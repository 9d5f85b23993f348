package dev.darkroom.falclient.errors;

import java.time.Duration;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Any way a call to fal failed. Unchecked: most callers let it travel to the place that turns it into a job failure
 * or a redelivery, and that place switches over the sealed subtypes.
 */
public abstract sealed class FalException extends RuntimeException
        permits FalAuthenticationException,
                FalForbiddenException,
                FalNotFoundException,
                FalRateLimitedException,
                FalRequestException,
                FalResultNotReadyException,
                FalServerException,
                FalSubmitUncertainException,
                FalTransportException,
                FalUnexpectedResponseException,
                FalValidationException {

    private final FalErrorResponse response;

    protected FalException(String message, FalErrorResponse response, Throwable cause) {
        super(message, cause);
        this.response = response;
    }

    /** Everything fal told us about this failure. */
    public FalErrorResponse response() {
        return response;
    }

    /** HTTP status, or 0 when no response arrived. */
    public int status() {
        return response.status();
    }

    /** fal's {@code x-fal-request-id}, or null when the response did not carry one. */
    public String requestId() {
        return response.requestId();
    }

    /** fal's error type ({@code X-Fal-Error-Type} or body {@code error_type}), or null. */
    public String errorType() {
        return response.errorType();
    }

    /** The response body: parsed JSON, a string node for text or HTML, or a missing node. */
    public JsonNode body() {
        return response.body();
    }

    /** How long fal asked us to wait ({@code Retry-After}), when it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(response.retryAfter());
    }

    /**
     * Whether sending the same request again later can succeed. fal's {@code X-Fal-Retryable} header wins when
     * present; otherwise each subtype knows its own answer.
     */
    public boolean retryable() {
        Boolean hint = response.retryableHint();
        return hint != null ? hint : retryableByDefault();
    }

    /** The subtype's answer when fal sent no {@code X-Fal-Retryable} hint. */
    protected abstract boolean retryableByDefault();
}
