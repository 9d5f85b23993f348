package dev.darkroom.falsim.web;

import org.springframework.http.HttpStatus;

/** A bad call to the simulator's own {@code /_sim} API; answered as an RFC 9457 problem with a stable code. */
public final class AdminException extends RuntimeException {

    private final String code;
    private final HttpStatus status;

    public AdminException(String code, String message) {
        this(HttpStatus.BAD_REQUEST, code, message);
    }

    public AdminException(HttpStatus status, String code, String message) {
        super(message);
        this.code = code;
        this.status = status;
    }

    public String code() {
        return code;
    }

    public HttpStatus status() {
        return status;
    }
}
