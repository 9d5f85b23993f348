package dev.darkroom.orchestrator.security;

import java.util.regex.Pattern;

/**
 * What the webhook-receiver's credential may call: claiming a job for a fal request
 * ({@code POST /internal/jobs/{id}/claim}). Completion travels over RabbitMQ; nothing else is the receiver's to ask.
 */
final class ReceiverCalls {

    private static final Pattern CLAIM = Pattern.compile("/internal/jobs/[0-9a-fA-F-]{36}/claim");

    private ReceiverCalls() {}

    /** Whether the receiver may make this call; {@code path} is plain (see {@code RequestPaths}). */
    static boolean allowed(String method, String path) {
        return "POST".equals(method) && CLAIM.matcher(path).matches();
    }
}
