package dev.darkroom.falsim.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import tools.jackson.databind.JsonNode;

/**
 * Maps exceptions once: fal-protocol answers pass through as fal shapes them, admin API mistakes become problem
 * documents.
 */
@RestControllerAdvice
class ErrorAdvice {

    @ExceptionHandler(FalHttpException.class)
    ResponseEntity<JsonNode> fal(FalHttpException e) {
        return e.toResponse();
    }

    @ExceptionHandler(AdminException.class)
    ProblemDetail admin(AdminException e) {
        return problem(e.status(), e.code(), e.getMessage());
    }

    @ExceptionHandler({
        HttpMessageNotReadableException.class,
        MissingServletRequestParameterException.class,
        MethodArgumentTypeMismatchException.class
    })
    ProblemDetail unreadable(Exception e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid_request", e.getMessage());
    }

    private static ProblemDetail problem(HttpStatus status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty("code", code);
        return problem;
    }
}
