package dev.darkroom.gateway.problems;

import dev.darkroom.support.problems.DarkroomException;
import dev.darkroom.support.problems.Problems;
import java.net.ConnectException;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Renders every error nothing else handled as a problem document with a {@code code}: unknown paths (404
 * {@code not_found}), oversized bodies (413), an orchestrator that cannot be reached (503 {@code unavailable}),
 * and anything unexpected (500 {@code internal_error}, logged, no internals in the body).
 */
@Component
@Order(-2)
class GatewayErrorHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GatewayErrorHandler.class);

    private final JsonMapper json;

    GatewayErrorHandler(JsonMapper json) {
        this.json = json;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        ProblemDetail problem = problem(error);
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        exchange.getResponse().setStatusCode(HttpStatusCode.valueOf(problem.getStatus()));
        exchange.getResponse().getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        byte[] body = json.writeValueAsBytes(problem);
        return exchange.getResponse()
                .writeWith(Mono.just(exchange.getResponse().bufferFactory().wrap(body)));
    }

    private static ProblemDetail problem(Throwable error) {
        if (error instanceof DarkroomException e) {
            return Problems.of(e);
        }
        if (error instanceof DataBufferLimitException) {
            return Problems.of(413, "payload_too_large", "the request body is too large", Map.of());
        }
        if (error instanceof ResponseStatusException e) {
            int status = e.getStatusCode().value();
            if (status == 503
                    || status == 504
                    || causedBy(e, ConnectException.class)
                    || causedBy(e, TimeoutException.class)) {
                return Problems.of(503, "unavailable", "the service is unavailable; retry shortly", Map.of());
            }
            return Problems.of(
                    status,
                    Problems.codeFor(status),
                    e.getReason() != null ? e.getReason() : "request failed",
                    Map.of());
        }
        if (causedBy(error, ConnectException.class) || causedBy(error, TimeoutException.class)) {
            return Problems.of(503, "unavailable", "the service is unavailable; retry shortly", Map.of());
        }
        log.error("unexpected gateway error", error);
        return Problems.of(500, "internal_error", "An unexpected error occurred.", Map.of());
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
