package dev.darkroom.support.problems;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Maps every error of a Spring MVC service to a problem document with a {@code code}: Darkroom's named
 * exceptions keep theirs, Spring's own (malformed JSON, wrong method, unknown path, ...) get one derived from
 * their status, and anything unexpected is logged and answered 500 {@code internal_error} without internals.
 */
@RestControllerAdvice
public class MvcProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(MvcProblemAdvice.class);

    @ExceptionHandler(DarkroomException.class)
    ResponseEntity<ProblemDetail> darkroom(DarkroomException e) {
        return ResponseEntity.status(e.status()).body(Problems.of(e));
    }

    /** Two admin changes to the same row raced and this one lost; sending it again applies it to the new state. */
    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> concurrentUpdate(OptimisticLockingFailureException e) {
        log.info("concurrent update refused: {}", e.getMessage());
        return ResponseEntity.status(409)
                .body(Problems.of(
                        409,
                        "concurrent_update",
                        "The resource was changed by another request at the same time; retry the request.",
                        Map.of()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("unexpected error", e);
        return ResponseEntity.status(500)
                .body(Problems.of(500, "internal_error", "An unexpected error occurred.", Map.of()));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex, Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        ProblemDetail problem =
                body instanceof ProblemDetail p ? p : ProblemDetail.forStatusAndDetail(statusCode, ex.getMessage());
        if (problem.getProperties() == null || !problem.getProperties().containsKey("code")) {
            problem.setProperty("code", Problems.codeFor(statusCode.value()));
        }
        return super.handleExceptionInternal(ex, problem, headers, statusCode, request);
    }
}
