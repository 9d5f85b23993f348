package dev.darkroom.contracts.catalog;

/** A model id the catalog does not hold. */
public class UnknownModelException extends RuntimeException {

    private final String modelId;

    public UnknownModelException(String modelId) {
        super("unknown model: " + modelId);
        this.modelId = modelId;
    }

    public String modelId() {
        return modelId;
    }
}
