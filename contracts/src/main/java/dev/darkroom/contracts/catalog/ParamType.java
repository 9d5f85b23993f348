package dev.darkroom.contracts.catalog;

/** The JSON type of an input parameter. */
public enum ParamType {
    STRING("string"),
    INTEGER("integer"),
    NUMBER("number"),
    BOOLEAN("boolean"),
    /** A list of {@code {"path": url, "scale": number}} LoRA weights. */
    LORAS("array");

    private final String jsonType;

    ParamType(String jsonType) {
        this.jsonType = jsonType;
    }

    /** The JSON Schema type name. */
    public String jsonType() {
        return jsonType;
    }
}
