package dev.darkroom.gateway.auth;

/** Headers only Darkroom sets; the gateway removes any a client sends. */
public final class InternalHeaders {

    public static final String PREFIX = "x-darkroom-";
    public static final String TENANT_ID = "X-Darkroom-Tenant-Id";
    public static final String API_KEY_ID = "X-Darkroom-Key-Id";
    public static final String INTERNAL_TOKEN = "X-Darkroom-Internal-Token";
    /** Exchange attribute holding the {@link ResolvedKey} of an authenticated request. */
    public static final String KEY_ATTRIBUTE = ResolvedKey.class.getName();

    private InternalHeaders() {}
}
