package dev.darkroom.contracts.security;

/** Headers only Darkroom services set; the gateway removes any a client sends. */
public final class InternalHeaders {

    /** The lower-case prefix every internal header starts with. */
    public static final String PREFIX = "x-darkroom-";
    /** The tenant the gateway authenticated. */
    public static final String TENANT_ID = "X-Darkroom-Tenant-Id";
    /** The API key the gateway authenticated. */
    public static final String API_KEY_ID = "X-Darkroom-Key-Id";
    /** The shared secret services send to the orchestrator. */
    public static final String INTERNAL_TOKEN = "X-Darkroom-Internal-Token";

    private InternalHeaders() {}
}
