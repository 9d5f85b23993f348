package dev.darkroom.contracts.messages;

import java.util.Map;

/**
 * Why admission refused a job, as the gateway turns it into an RFC 9457 problem.
 *
 * @param status the HTTP status: 402, 403, 409, 422 or 429
 * @param code the stable problem code, such as {@code budget_exceeded}
 * @param detail a sentence for people
 * @param retryAfterSeconds when to retry (429 only), or null
 * @param properties extra problem members, such as the remaining budget
 */
public record Rejection(
        int status, String code, String detail, Long retryAfterSeconds, Map<String, Object> properties) {

    public Rejection {
        properties = properties == null ? Map.of() : Map.copyOf(properties);
    }
}
