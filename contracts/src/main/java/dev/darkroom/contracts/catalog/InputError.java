package dev.darkroom.contracts.catalog;

import java.util.List;

/**
 * One thing wrong with a job's input.
 *
 * @param path where, as property names and list indexes from the input's root ({@code ["loras", 0, "path"]})
 * @param code a stable machine-readable reason: {@code required}, {@code invalid_type}, {@code invalid_value},
 *     {@code out_of_range}, {@code invalid_length}, {@code invalid_format}, {@code too_many_items},
 *     {@code unknown_parameter}, {@code conflict} or {@code invalid}
 * @param message a sentence for people
 */
public record InputError(List<Object> path, String code, String message) {

    public InputError {
        path = List.copyOf(path);
    }

    /** The path as {@code loras[0].path}. */
    public String field() {
        StringBuilder sb = new StringBuilder();
        for (Object segment : path) {
            if (segment instanceof Integer i) {
                sb.append('[').append(i).append(']');
            } else {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(segment);
            }
        }
        return sb.toString();
    }
}
