package dev.darkroom.contracts.catalog;

/** A model id the catalog does not hold. */
public class UnknownModelException extends RuntimeException {

    public UnknownModelException(String modelId) {
        super("unknown model: " + modelId);
    }
}
