package dev.darkroom.falsim.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Ends a fal-protocol request with exactly the status, headers and JSON body fal would send. */
public final class FalHttpException extends RuntimeException {

    private final int status;
    private final transient JsonNode body;
    private final HttpHeaders headers;

    public FalHttpException(int status, JsonNode body, HttpHeaders headers) {
        super("fal answer " + status);
        this.status = status;
        this.body = body;
        this.headers = headers;
    }

    public FalHttpException(int status, JsonNode body) {
        this(status, body, new HttpHeaders());
    }

    /** fal's flat error body {@code {"detail": "..."}}. */
    public static FalHttpException detail(int status, String detail) {
        return new FalHttpException(status, detailBody(detail));
    }

    public static ObjectNode detailBody(String detail) {
        return JsonNodeFactory.instance.objectNode().put("detail", detail);
    }

    public ResponseEntity<JsonNode> toResponse() {
        return ResponseEntity.status(status).headers(headers).body(body);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        // control flow, not a failure: a stack trace would only cost time
        return this;
    }
}
