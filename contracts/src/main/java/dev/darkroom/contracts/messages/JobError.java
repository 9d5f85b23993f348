package dev.darkroom.contracts.messages;

import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Why a job failed, kept as data.
 *
 * @param code a stable code: fal's {@code error_type} or model error type (such as {@code content_policy_violation}),
 *     or one of Darkroom's ({@code fal_validation_error}, {@code fal_error}, {@code output_invalid}, ...)
 * @param message a sentence for people
 * @param falDetail fal's own error body, or null
 */
public record JobError(String code, String message, JsonNode falDetail) {

    /** Code for a {@code detail[]} body that is not one of fal's documented model errors. */
    public static final String FAL_VALIDATION_ERROR = "fal_validation_error";

    /**
     * fal's model error types (docs/fal-protocol.md#model-errors) that a tenant can act on, kept as the job's error
     * code; pydantic validation types ({@code missing}, {@code less_than_equal}, ...) become
     * {@link #FAL_VALIDATION_ERROR}.
     */
    private static final Set<String> MODEL_ERRORS = Set.of(
            "content_policy_violation",
            "no_media_generated",
            "image_too_small",
            "image_too_large",
            "image_load_error",
            "file_download_error",
            "face_detection_error",
            "file_too_large",
            "feature_not_supported",
            "generation_timeout",
            "downstream_service_error",
            "downstream_service_unavailable",
            "internal_server_error");

    /** The code for a fal {@code detail[]} error body: fal's model error type, else {@code fal_validation_error}. */
    public static String codeForDetail(JsonNode detail) {
        if (detail != null && detail.isArray() && !detail.isEmpty()) {
            JsonNode type = detail.get(0).get("type");
            if (type != null && MODEL_ERRORS.contains(type.asString())) {
                return type.asString();
            }
        }
        return FAL_VALIDATION_ERROR;
    }
}
