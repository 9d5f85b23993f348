package dev.darkroom.falclient.errors;

import java.util.List;

/** 422 with a {@code detail[]} array: the model refused the input. Sending the same input again fails again. */
public final class FalValidationException extends FalException {

    private final List<FieldError> fieldErrors;

    public FalValidationException(String message, FalErrorResponse response, List<FieldError> fieldErrors) {
        super(message, response, null);
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    /** Every field fal complained about, in fal's order. */
    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }

    @Override
    protected boolean retryableByDefault() {
        return false;
    }
}
