package dev.darkroom.falsim.queue;

import dev.darkroom.falsim.web.FalHttpException;
import dev.darkroom.falsim.web.ObjectLifecycle;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code X-Fal-*} headers fal's queue honours on submit (docs/fal-protocol.md#request-headers); a value fal would
 * refuse is answered 422 the FastAPI way, with {@code loc ["header", name]}.
 *
 * @param priority {@code X-Fal-Queue-Priority}
 * @param startTimeout {@code X-Fal-Request-Timeout}, or null
 * @param outputLifetime {@code X-Fal-Object-Lifecycle-Preference} expiration, or null
 * @param runnerHint {@code X-Fal-Runner-Hint}, or null
 * @param noRetry {@code X-Fal-No-Retry}
 * @param storeIo {@code X-Fal-Store-IO}: {@code 0} false, any other value true; null when absent (the account's
 *     payload storage setting applies)
 */
record SubmitHeaders(
        Priority priority,
        Duration startTimeout,
        Duration outputLifetime,
        String runnerHint,
        boolean noRetry,
        Boolean storeIo) {

    private static final Set<String> TRUE = Set.of("1", "true", "yes");
    // "Despite the header name": a start deadline, with fal's documented minimum of just over 0.1 s
    private static final double MIN_START_TIMEOUT_SECONDS = 0.1;

    static SubmitHeaders read(HttpServletRequest request, JsonMapper json) {
        String priorityHeader = request.getHeader("X-Fal-Queue-Priority");
        Priority priority = Priority.fromHeader(priorityHeader);
        if (priority == null) {
            throw invalid(
                    "header",
                    "x-fal-queue-priority",
                    "literal_error",
                    "Input should be 'low', 'normal' or 'high'",
                    priorityHeader);
        }
        String storeIo = request.getHeader("X-Fal-Store-IO");
        return new SubmitHeaders(
                priority,
                startTimeout(request.getHeader("X-Fal-Request-Timeout")),
                ObjectLifecycle.expiration(request.getHeader("X-Fal-Object-Lifecycle-Preference"), json),
                request.getHeader("X-Fal-Runner-Hint"),
                request.getHeader("X-Fal-No-Retry") != null
                        && TRUE.contains(
                                request.getHeader("X-Fal-No-Retry").trim().toLowerCase(Locale.ROOT)),
                storeIo == null ? null : !storeIo.trim().equals("0"));
    }

    private static Duration startTimeout(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        double seconds;
        try {
            seconds = Double.parseDouble(header.trim());
        } catch (NumberFormatException e) {
            throw invalid(
                    "header",
                    "x-fal-request-timeout",
                    "float_parsing",
                    "Input should be a valid number, unable to parse string as a number",
                    header);
        }
        if (!(seconds > MIN_START_TIMEOUT_SECONDS)) {
            throw invalid(
                    "header", "x-fal-request-timeout", "greater_than", "Input should be greater than 0.1", header);
        }
        return Duration.ofNanos((long) (seconds * 1e9));
    }

    /** {@code fal_max_queue_length}: a non-negative integer, else a FastAPI-style 422 on the query parameter. */
    static Integer maxQueueLength(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            int length = Integer.parseInt(value.trim());
            if (length >= 0) {
                return length;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw invalid(
                "query", "fal_max_queue_length", "int_parsing", "Input should be a valid non-negative integer", value);
    }

    /** FastAPI's 422 for one bad parameter, {@code location} being {@code "header"} or {@code "query"}. */
    private static FalHttpException invalid(String location, String name, String type, String msg, String input) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ArrayNode detail = body.putArray("detail");
        ObjectNode item = detail.addObject();
        item.putArray("loc").add(location).add(name);
        item.put("msg", msg).put("type", type).put("input", input);
        return new FalHttpException(422, body);
    }
}
