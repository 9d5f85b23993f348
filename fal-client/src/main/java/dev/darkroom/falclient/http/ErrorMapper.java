package dev.darkroom.falclient.http;

import dev.darkroom.falclient.errors.FalAuthenticationException;
import dev.darkroom.falclient.errors.FalErrorResponse;
import dev.darkroom.falclient.errors.FalException;
import dev.darkroom.falclient.errors.FalForbiddenException;
import dev.darkroom.falclient.errors.FalNotFoundException;
import dev.darkroom.falclient.errors.FalRateLimitedException;
import dev.darkroom.falclient.errors.FalRequestException;
import dev.darkroom.falclient.errors.FalResultNotReadyException;
import dev.darkroom.falclient.errors.FalServerException;
import dev.darkroom.falclient.errors.FalUnexpectedResponseException;
import dev.darkroom.falclient.errors.FalValidationException;
import dev.darkroom.falclient.errors.FieldError;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.node.StringNode;

/** Turns a non-2xx response into the matching {@link FalException}, reading every error shape fal is known to use. */
public final class ErrorMapper {

    /** Text bodies (HTML error pages) are kept only this long: enough to recognise, not enough to bloat logs. */
    private static final int MAX_TEXT = 2_000;

    private final SecretScrubber scrubber;
    private final Clock clock;

    public ErrorMapper(SecretScrubber scrubber, Clock clock) {
        this.scrubber = scrubber;
        this.clock = clock;
    }

    public FalException map(FalResponse response) {
        int status = response.status();
        JsonNode body = body(response);
        String errorType = firstNonBlank(response.header("X-Fal-Error-Type"), Json.text(body, "error_type"));
        FalErrorResponse facts = new FalErrorResponse(
                response.operation(),
                status,
                blankToNull(response.header("x-fal-request-id")),
                errorType,
                bool(response.header("X-Fal-Retryable")),
                "user".equalsIgnoreCase(response.header("X-Fal-Request-Timeout-Type")),
                RetryAfter.parse(response.header("Retry-After"), clock),
                body);
        String detail = detail(body);
        String message = response.operation() + " answered " + status + (detail == null ? "" : ": " + detail);

        if (status < 400) {
            return new FalUnexpectedResponseException(message, facts);
        }
        switch (status) {
            case 401:
                return new FalAuthenticationException(message, facts);
            case 403:
                return new FalForbiddenException(message, facts);
            case 404:
                return new FalNotFoundException(message, facts);
            case 429:
                return new FalRateLimitedException(message, facts);
            default:
                break;
        }
        if (status == 422 && body.path("detail").isArray()) {
            List<FieldError> errors = fieldErrors(body.path("detail"));
            return new FalValidationException(validationMessage(response.operation(), errors), facts, errors);
        }
        if (status == 400 && detail != null && detail.toLowerCase(Locale.ROOT).contains("in progress")) {
            return new FalResultNotReadyException(message, facts);
        }
        if (status >= 500 && errorType == null) {
            return new FalServerException(message, facts);
        }
        return new FalRequestException(message, facts, detail);
    }

    /** JSON when the body parses, otherwise the (scrubbed, shortened) text; a missing node when empty. */
    JsonNode body(FalResponse response) {
        if (response.body().length == 0) {
            return MissingNode.getInstance();
        }
        String text = scrubber.scrub(new String(response.body(), StandardCharsets.UTF_8));
        JsonNode json = Json.parseOrNull(text.getBytes(StandardCharsets.UTF_8));
        if (json != null && (json.isObject() || json.isArray())) {
            return json;
        }
        if (json != null && json.isString()) {
            return json;
        }
        return StringNode.valueOf(text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text);
    }

    /** One line that says what went wrong, from whichever shape the body has. */
    private static String detail(JsonNode body) {
        if (body.isString()) {
            String text = body.stringValue()
                    .replaceAll("<[^>]*>", " ")
                    .replaceAll("\\s+", " ")
                    .trim();
            return text.isEmpty() ? null : abbreviate(text);
        }
        JsonNode detail = body.path("detail");
        if (detail.isString()) {
            return abbreviate(detail.stringValue());
        }
        if (detail.isArray() && !detail.isEmpty()) {
            return abbreviate(Json.text(detail.get(0), "msg"));
        }
        return firstNonBlank(Json.text(body, "error"), Json.text(body, "message"));
    }

    private static List<FieldError> fieldErrors(JsonNode detail) {
        List<FieldError> errors = new ArrayList<>();
        for (JsonNode item : detail) {
            List<Object> loc = new ArrayList<>();
            for (JsonNode part : item.path("loc")) {
                loc.add(part.isIntegralNumber() ? (Object) part.asInt() : part.asString());
            }
            errors.add(new FieldError(
                    loc,
                    Json.text(item, "msg"),
                    Json.text(item, "type"),
                    Json.text(item, "url"),
                    item.path("ctx"),
                    item.path("input")));
        }
        return errors;
    }

    private static String validationMessage(String operation, List<FieldError> errors) {
        if (errors.isEmpty()) {
            return operation + " answered 422";
        }
        FieldError first = errors.get(0);
        String more = errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "";
        return operation + " answered 422: " + first.path() + ": " + first.msg() + more;
    }

    private static Boolean bool(String value) {
        if (value == null) {
            return null;
        }
        switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes":
                return Boolean.TRUE;
            case "false", "0", "no":
                return Boolean.FALSE;
            default:
                return null;
        }
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return null;
        }
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    private static String firstNonBlank(String a, String b) {
        return blankToNull(a) != null ? a : blankToNull(b);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
