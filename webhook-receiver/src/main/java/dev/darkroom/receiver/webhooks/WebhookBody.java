package dev.darkroom.receiver.webhooks;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * fal's webhook body (docs/fal-protocol.md#webhook-payloads).
 *
 * @param requestId {@code request_id}, the queue's id of the request
 * @param gatewayRequestId {@code gateway_request_id}, the last attempt's id, or null
 * @param status {@code OK} or {@code ERROR}
 * @param payload the model's output or error body, or null
 * @param error fal's error message (ERROR), or null
 * @param payloadError why the payload is missing, or null
 */
record WebhookBody(
        String requestId, String gatewayRequestId, String status, JsonNode payload, String error, String payloadError) {

    /** Parses a verified body; anything that is not fal's shape is refused as malformed. */
    static WebhookBody parse(JsonMapper json, byte[] raw) {
        JsonNode root;
        try {
            root = json.readTree(raw);
        } catch (JacksonException e) {
            throw WebhookRejectedException.malformed("The webhook body is not JSON.");
        }
        if (root == null || !root.isObject()) {
            throw WebhookRejectedException.malformed("The webhook body is not a JSON object.");
        }
        String requestId = requiredText(root, "request_id");
        String status = requiredText(root, "status");
        if (!status.equals("OK") && !status.equals("ERROR")) {
            throw WebhookRejectedException.malformed("The webhook status must be OK or ERROR.");
        }
        JsonNode payload = root.get("payload");
        return new WebhookBody(
                requestId,
                optionalText(root, "gateway_request_id"),
                status,
                payload == null || payload.isNull() ? null : payload,
                optionalText(root, "error"),
                optionalText(root, "payload_error"));
    }

    private static String requiredText(JsonNode root, String field) {
        String value = optionalText(root, field);
        if (value == null || value.isBlank()) {
            throw WebhookRejectedException.malformed("The webhook body has no " + field + ".");
        }
        return value;
    }

    private static String optionalText(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            throw WebhookRejectedException.malformed("The webhook's " + field + " must be a string.");
        }
        return node.asString();
    }
}
