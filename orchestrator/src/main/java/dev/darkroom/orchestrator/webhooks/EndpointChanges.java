package dev.darkroom.orchestrator.webhooks;

import dev.darkroom.support.net.UrlGuard;
import dev.darkroom.support.problems.InvalidRequestException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * A create or merge-patch (RFC 7396) body of a webhook endpoint, checked: {@code url} (http or https, not into
 * Darkroom's own network), {@code description}, {@code event_types} (null for every type) and, when patching,
 * {@code enabled}. Unknown fields are refused rather than ignored.
 */
final class EndpointChanges {

    private static final Set<String> FIELDS = Set.of("url", "description", "event_types", "enabled");
    private static final int MAX_URL = 2000;
    private static final int MAX_DESCRIPTION = 500;

    private final JsonNode body;
    private final UrlGuard guard;

    private EndpointChanges(JsonNode body, UrlGuard guard) {
        if (body == null || !body.isObject()) {
            throw new InvalidRequestException("body", "the body must be a JSON object");
        }
        body.propertyNames().forEach(f -> {
            if (!FIELDS.contains(f)) {
                throw new InvalidRequestException(f, "unknown field " + f);
            }
        });
        this.body = body;
        this.guard = guard;
    }

    static EndpointChanges of(JsonNode body, UrlGuard guard) {
        return new EndpointChanges(body, guard);
    }

    /** A new endpoint from a create body; {@code enabled} is not for creating (a new endpoint is enabled). */
    WebhookEndpoint create(UUID id, UUID tenantId, String secret, Instant now) {
        if (!body.has("url")) {
            throw new InvalidRequestException("url", "url is required");
        }
        if (body.has("enabled")) {
            throw new InvalidRequestException("enabled", "a new endpoint is enabled; patch it to disable it");
        }
        return new WebhookEndpoint(
                id,
                tenantId,
                url(),
                description(null),
                eventTypes(null),
                true,
                null,
                secret,
                null,
                null,
                null,
                now,
                now);
    }

    /** The endpoint with this patch applied. */
    WebhookEndpoint apply(WebhookEndpoint e) {
        return new WebhookEndpoint(
                e.id(),
                e.tenantId(),
                body.has("url") ? url() : e.url(),
                description(e.description()),
                eventTypes(e.eventTypes()),
                enabled(e.enabled()),
                e.disabledReason(),
                e.secret(),
                e.previousSecret(),
                e.previousSecretUntil(),
                e.failingSince(),
                e.createdAt(),
                e.updatedAt());
    }

    private String url() {
        JsonNode v = body.get("url");
        if (!v.isString() || v.asString().isBlank() || v.asString().length() > MAX_URL) {
            throw new InvalidRequestException(
                    "url", "url must be an http(s) URL of at most " + MAX_URL + " characters");
        }
        String url = v.asString().trim();
        // a URL into Darkroom's own network is refused now (422 forbidden_url), and again at each attempt
        guard.check(url);
        return url;
    }

    private String description(String current) {
        if (!body.has("description")) {
            return current;
        }
        JsonNode v = body.get("description");
        if (v.isNull()) {
            return null;
        }
        if (!v.isString() || v.asString().length() > MAX_DESCRIPTION) {
            throw new InvalidRequestException(
                    "description", "description must be text of at most " + MAX_DESCRIPTION + " characters");
        }
        return v.asString();
    }

    private List<String> eventTypes(List<String> current) {
        return body.has("event_types") ? EventTypes.parse(body.get("event_types")) : current;
    }

    private boolean enabled(boolean current) {
        if (!body.has("enabled")) {
            return current;
        }
        if (!body.get("enabled").isBoolean()) {
            throw new InvalidRequestException("enabled", "enabled must be true or false");
        }
        return body.get("enabled").asBoolean();
    }
}
