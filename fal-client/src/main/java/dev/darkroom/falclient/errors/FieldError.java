package dev.darkroom.falclient.errors;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * One entry of a 422 {@code detail[]} array: a model (or pydantic) rejected one field of the input.
 *
 * @param loc where, e.g. {@code ["body", "image_url"]}; elements are strings or integers
 * @param msg human-readable reason
 * @param type machine-readable reason, e.g. {@code image_too_small} or {@code value_error.missing}
 * @param url fal's documentation link for the type, or null
 * @param ctx structured context such as limits, or a missing node
 * @param input the offending input value, or a missing node
 */
public record FieldError(List<Object> loc, String msg, String type, String url, JsonNode ctx, JsonNode input) {

    public FieldError {
        loc = List.copyOf(loc);
    }

    /** {@code loc} joined with dots, e.g. {@code body.image_url}. */
    public String path() {
        return String.join(".", loc.stream().map(String::valueOf).toList());
    }
}
