package dev.darkroom.contracts.messages;

import java.util.Map;

/**
 * Why admission refused a job, as the gateway turns it into an RFC 9457 problem.
 *
 * @param code the stable problem code, with its HTTP status
 * @param detail a sentence for people
 * @param retryAfterSeconds when to retry (429 only), or null
 * @param properties extra problem members, such as the remaining budget
 */
public record Rejection(RejectionCode code, String detail, Long retryAfterSeconds, Map<String, Object> properties) {

    public Rejection {
        properties = properties == null ? Map.of() : Map.copyOf(properties);
    }

    /** A rejection with nothing to add but its sentence. */
    public static Rejection of(RejectionCode code, String detail) {
        return new Rejection(code, detail, null, Map.of());
    }

    /** The problem's HTTP status. */
    public int status() {
        return code.httpStatus();
    }
}
