package dev.darkroom.worker.core.submit;

import dev.darkroom.contracts.messages.JobError;
import dev.darkroom.falclient.errors.FalAuthenticationException;
import dev.darkroom.falclient.errors.FalException;
import dev.darkroom.falclient.errors.FalForbiddenException;
import dev.darkroom.falclient.errors.FalNotFoundException;
import dev.darkroom.falclient.errors.FalSubmitUncertainException;
import dev.darkroom.falclient.errors.FalValidationException;
import dev.darkroom.falclient.errors.FieldError;
import tools.jackson.databind.JsonNode;

/** Decides what a failed call to fal means for the job: try again later, or a {@link JobError}. */
final class FalFailures {

    private FalFailures() {}

    /**
     * True when the message should be retried: fal was busy or unreachable (429, 5xx, transport), or the submit may
     * have been enqueued without us learning its id. Retrying the latter can create a second fal request; the
     * orchestrator keeps the first one it hears of and cancels the other, so the job is charged and stored once.
     */
    static boolean transientFailure(FalException e) {
        return e instanceof FalSubmitUncertainException || e.retryable();
    }

    /** The job's error for a failure fal will repeat: fal's {@code error_type} when it sent one. */
    static JobError jobError(FalException e) {
        String code = e.errorType() != null && !e.errorType().isBlank() ? e.errorType() : defaultCode(e);
        return new JobError(code, sentence(e), detail(e.body()));
    }

    /**
     * What fal said, for people: the first field error of a 422, or fal's {@code detail}. Not the exception's
     * message, which names the host and path the worker called.
     */
    static String sentence(FalException e) {
        if (e instanceof FalValidationException validation
                && !validation.fieldErrors().isEmpty()) {
            FieldError first = validation.fieldErrors().get(0);
            int more = validation.fieldErrors().size() - 1;
            return "fal rejected the input: " + first.path() + ": " + first.msg()
                    + (more > 0 ? " (and " + more + " more)" : "") + ".";
        }
        JsonNode body = e.body();
        String detail = body.path("detail").isString()
                ? body.path("detail").stringValue()
                : body.path("error").isString() ? body.path("error").stringValue() : null;
        return "fal refused the request (HTTP " + e.status() + ")" + (detail == null ? "." : ": " + abbreviate(detail));
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    private static String defaultCode(FalException e) {
        if (e instanceof FalValidationException || e.status() == 422) {
            return JobError.codeForDetail(e.body() == null ? null : e.body().get("detail"));
        }
        if (e instanceof FalAuthenticationException) {
            return "fal_unauthorized";
        }
        if (e instanceof FalForbiddenException) {
            return "fal_forbidden";
        }
        if (e instanceof FalNotFoundException) {
            return "fal_not_found";
        }
        return "fal_error";
    }

    /** fal's body as it sent it (the client already scrubbed the key from it); null when there was none. */
    private static JsonNode detail(JsonNode body) {
        return body == null || body.isMissingNode() || body.isNull() ? null : body;
    }
}
