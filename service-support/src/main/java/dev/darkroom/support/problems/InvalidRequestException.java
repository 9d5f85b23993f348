package dev.darkroom.support.problems;

import java.util.Map;

/** A request field that is missing or wrong: 422 {@code invalid_request} naming the field. */
public class InvalidRequestException extends DarkroomException {

    public InvalidRequestException(String field, String detail) {
        super(422, "invalid_request", detail, Map.of("field", field));
    }
}
