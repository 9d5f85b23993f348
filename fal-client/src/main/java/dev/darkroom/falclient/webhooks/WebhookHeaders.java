package dev.darkroom.falclient.webhooks;

/** The headers fal signs its webhooks with. */
public final class WebhookHeaders {

    public static final String REQUEST_ID = "X-Fal-Webhook-Request-Id";
    public static final String USER_ID = "X-Fal-Webhook-User-Id";
    public static final String TIMESTAMP = "X-Fal-Webhook-Timestamp";
    public static final String SIGNATURE = "X-Fal-Webhook-Signature";

    private WebhookHeaders() {}
}
