package dev.darkroom.gateway.problems;

import dev.darkroom.support.problems.Problems;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** Problem documents as functional-endpoint responses. */
public final class ProblemResponses {

    private ProblemResponses() {}

    public static Mono<ServerResponse> of(int status, String code, String detail, Map<String, Object> properties) {
        return of(status, Problems.of(status, code, detail, properties), null);
    }

    public static Mono<ServerResponse> of(int status, ProblemDetail problem, Long retryAfterSeconds) {
        ServerResponse.BodyBuilder builder =
                ServerResponse.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (retryAfterSeconds != null) {
            builder.header("Retry-After", String.valueOf(retryAfterSeconds));
        }
        return builder.bodyValue(problem);
    }
}
