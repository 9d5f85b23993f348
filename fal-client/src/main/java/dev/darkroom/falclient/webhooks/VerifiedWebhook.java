package dev.darkroom.falclient.webhooks;

import java.time.Instant;

/**
 * A webhook whose signature checked out: its body really comes from fal and was not altered.
 *
 * @param requestId the fal request the webhook is about (from the signed header)
 * @param userId the fal user that owns the request
 * @param timestamp when fal signed it
 */
public record VerifiedWebhook(String requestId, String userId, Instant timestamp) {}
