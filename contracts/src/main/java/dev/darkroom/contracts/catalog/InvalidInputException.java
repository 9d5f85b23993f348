package dev.darkroom.contracts.catalog;

import java.util.List;

/** A job input that does not fit its model's parameters. */
public class InvalidInputException extends RuntimeException {

    private final List<InputError> errors;

    public InvalidInputException(String modelId, List<InputError> errors) {
        super("invalid input for " + modelId + ": "
                + errors.stream().map(e -> e.field() + " " + e.message()).toList());
        this.errors = List.copyOf(errors);
    }

    public List<InputError> errors() {
        return errors;
    }
}
