package dev.darkroom.support.problems;

import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds Darkroom's problem documents: {@code type} names the code, {@code code} is the stable key to match on. */
public final class Problems {

    /** Base of every problem type URI. */
    public static final String TYPE_BASE = "https://darkroom.dev/problems/";

    private Problems() {}

    public static ProblemDetail of(int status, String code, String detail, Map<String, Object> properties) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status), detail);
        problem.setType(URI.create(TYPE_BASE + code));
        HttpStatus known = HttpStatus.resolve(status);
        problem.setTitle(known != null ? known.getReasonPhrase() : "Error");
        problem.setProperty("code", code);
        properties.forEach(problem::setProperty);
        return problem;
    }

    public static ProblemDetail of(DarkroomException e) {
        return of(e.status(), e.code(), e.getMessage(), e.properties());
    }

    /** The {@code code} of an error that carries only a status, such as the web framework's own. */
    public static String codeFor(int status) {
        return switch (status) {
            case 400 -> "malformed_request";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 413 -> "payload_too_large";
            case 415 -> "unsupported_media_type";
            case 503 -> "unavailable";
            default -> status >= 500 ? "internal_error" : "bad_request";
        };
    }
}
