package dev.darkroom.contracts.messages;

import java.util.Arrays;
import java.util.Locale;

/**
 * Why admission refused a job: the stable problem {@code code} the tenant sees, and its HTTP status. One list for
 * the orchestrator that decides, the gateway that answers and counts outcomes, and the rejected jobs stored with
 * their code.
 */
public enum RejectionCode {
    /** The key's tenant no longer exists. */
    UNKNOWN_TENANT(401),
    /** The job's estimate would take the month's spend past the budget. */
    BUDGET_EXCEEDED(402),
    /** The tenant's plan does not allow the model. */
    MODEL_NOT_ALLOWED(403),
    /** An operator suspended the tenant. */
    TENANT_SUSPENDED(403),
    /** A request with the same {@code Idempotency-Key} is being admitted right now. */
    IDEMPOTENCY_KEY_IN_USE(409),
    /** The {@code Idempotency-Key} was used before with another body. */
    IDEMPOTENCY_KEY_REUSED(422),
    /** The input no longer validates (the catalog changed since the gateway checked it). */
    INVALID_INPUT(422),
    /** More submissions per minute than the tenant's limit. */
    RATE_LIMITED(429),
    /** As many unfinished jobs as the tenant's limit. */
    CONCURRENCY_LIMITED(429);

    private final int httpStatus;

    RejectionCode(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** The lower-case problem code, such as {@code budget_exceeded}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The constant of a stored or received problem code. */
    public static RejectionCode fromCode(String code) {
        return Arrays.stream(values())
                .filter(c -> c.code().equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown rejection code " + code));
    }
}
