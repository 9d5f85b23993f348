package dev.darkroom.receiver.ingest;

import dev.darkroom.contracts.messages.JobError;
import dev.darkroom.falclient.errors.FalException;
import dev.darkroom.falclient.errors.FalValidationException;
import tools.jackson.databind.JsonNode;

/**
 * Turns fal's error reports into a {@link JobError}: the code is fal's {@code error_type} when the body is fal's
 * flat request error, fal's model error type or {@code fal_validation_error} for a {@code detail[]} body (a 422), else
 * {@code fal_error}; the
 * message is fal's own text, readable by people; fal's body travels along as the detail.
 */
final class FalErrors {

    static final String GENERIC = "fal_error";

    private FalErrors() {}

    /** From an ERROR webhook (or the reconciler's equivalent). */
    static JobError fromWebhook(JsonNode payload, String error, String payloadError) {
        String errorType = text(payload, "error_type");
        JsonNode detail = payload == null ? null : payload.get("detail");
        if (errorType != null) {
            return new JobError(
                    errorType, firstText(text(payload, "detail"), error, "fal reported " + errorType), payload);
        }
        if (detail != null && detail.isArray() && !detail.isEmpty()) {
            return new JobError(JobError.codeForDetail(detail), describe(detail, error), payload);
        }
        return new JobError(
                GENERIC,
                firstText(text(payload, "detail"), error, payloadError, "fal reported an error without a message"),
                payload);
    }

    /** From a failed result fetch that will not succeed on a retry. */
    static JobError fromFetch(FalException e) {
        JsonNode body = e.body() == null || e.body().isMissingNode() ? null : e.body();
        if (e instanceof FalValidationException) {
            JsonNode detail = body == null ? null : body.get("detail");
            String message = detail != null && detail.isArray() && !detail.isEmpty()
                    ? describe(detail, e.getMessage())
                    : e.getMessage();
            return new JobError(JobError.codeForDetail(detail), message, body);
        }
        String code = e.errorType() != null ? e.errorType() : GENERIC;
        return new JobError(
                code, firstText(text(body, "detail"), "fal's result could not be fetched: " + e.getMessage()), body);
    }

    /** The first problem fal lists, and how many more there are. */
    private static String describe(JsonNode detail, String fallback) {
        String first = firstText(text(detail.get(0), "msg"), fallback, "fal refused the input");
        int more = detail.size() - 1;
        return more == 0 ? first : first + " (and " + more + " more problem" + (more == 1 ? "" : "s") + ")";
    }

    private static String text(JsonNode node, String field) {
        if (node == null || !node.isObject()) {
            return null;
        }
        JsonNode value = node.get(field);
        return value != null && value.isString() && !value.asString().isBlank() ? value.asString() : null;
    }

    private static String firstText(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate;
            }
        }
        return null;
    }
}
