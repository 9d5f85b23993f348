package dev.darkroom.orchestrator.tenants;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Whether a tenant may use the platform. Stored and shown as the lower-case name. */
public enum TenantStatus {
    /** Submits jobs; its queued jobs are dispatched. */
    ACTIVE,
    /** Refused at admission and at key lookup; its queued jobs wait until it is active again. */
    SUSPENDED;

    /** The lower-case name the API and the {@code tenant.status} column use. */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status of an API or column value, or empty for anything else. */
    static Optional<TenantStatus> fromApiName(String value) {
        return Arrays.stream(values()).filter(s -> s.apiName().equals(value)).findFirst();
    }
}
