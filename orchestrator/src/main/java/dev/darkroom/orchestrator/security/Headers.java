package dev.darkroom.orchestrator.security;

/** Headers the gateway adds after authenticating a tenant; it strips any a client sends. */
public final class Headers {

    public static final String TENANT_ID = "X-Darkroom-Tenant-Id";
    public static final String API_KEY_ID = "X-Darkroom-Key-Id";
    public static final String INTERNAL_TOKEN = "X-Darkroom-Internal-Token";

    private Headers() {}
}
