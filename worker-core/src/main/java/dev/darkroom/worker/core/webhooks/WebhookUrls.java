package dev.darkroom.worker.core.webhooks;

import dev.darkroom.contracts.webhooks.WebhookTokens;
import dev.darkroom.support.tracing.TraceContexts;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The webhook URL a job is submitted with: {@code <public-url>/fal/webhooks/{jobId}?token=<token>}. The token (see
 * {@link WebhookTokens}) lets the receiver refuse a URL Darkroom never handed out, on top of fal's signature.
 */
public final class WebhookUrls {

    /** The prefix of the only secret that may have a default: one that must never reach the real fal. */
    static final String DEV_SECRET_PREFIX = "dev-only";

    private final String base;
    private final WebhookTokens tokens;
    private final Duration lifetime;
    private final Clock clock;
    private final TraceContexts traces;

    WebhookUrls(WebhookProperties properties, URI falQueueUrl, Clock clock) {
        this(properties, falQueueUrl, clock, null);
    }

    WebhookUrls(WebhookProperties properties, URI falQueueUrl, Clock clock, TraceContexts traces) {
        this.traces = traces;
        String secret = properties.tokenSecret();
        if (secret == null || secret.isBlank()) {
            throw new IllegalStateException(
                    "darkroom.webhooks.token-secret (DARKROOM_WEBHOOK_TOKEN_SECRET) is required: the webhook-receiver"
                            + " refuses webhooks whose URL token it cannot check");
        }
        if (secret.startsWith(DEV_SECRET_PREFIX) && realFal(falQueueUrl)) {
            throw new IllegalStateException("refusing to submit to " + falQueueUrl.getHost()
                    + " with the development webhook token secret: set DARKROOM_WEBHOOK_TOKEN_SECRET");
        }
        URI publicUrl = URI.create(properties.publicUrl().trim());
        if (!publicUrl.isAbsolute()
                || publicUrl.getHost() == null
                || !("http".equals(publicUrl.getScheme()) || "https".equals(publicUrl.getScheme()))) {
            throw new IllegalStateException("darkroom.webhooks.public-url must be an absolute http(s) URL");
        }
        this.base = publicUrl.toString().replaceAll("/+$", "") + "/fal/webhooks/";
        this.tokens = new WebhookTokens(secret);
        this.lifetime = properties.tokenLifetime();
        this.clock = clock;
    }

    /**
     * The URL fal calls back when this job's request finishes. It carries the current trace context (W3C fields as
     * query parameters, since fal sends no trace headers), so the receiver continues the job's trace.
     */
    public String forJob(UUID jobId) {
        StringBuilder url = new StringBuilder(base)
                .append(jobId)
                .append("?token=")
                .append(tokens.token(jobId, clock.instant().plus(lifetime)));
        Map<String, String> trace = traces == null ? Map.of() : traces.current();
        for (String field : TraceContexts.FIELDS) {
            String value = trace.get(field);
            if (value != null) {
                url.append('&').append(field).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }
        return url.toString();
    }

    private static boolean realFal(URI queueUrl) {
        String host = queueUrl.getHost() == null ? "" : queueUrl.getHost().toLowerCase(Locale.ROOT);
        return host.equals("fal.run") || host.endsWith(".fal.run") || host.endsWith(".falrun.com");
    }
}
