package dev.darkroom.orchestrator.tenants;

import java.util.UUID;

/**
 * A tenant's id, typed so an event cannot mix it up with another id.
 *
 * @param value the id as stored
 */
public record TenantId(UUID value) {

    @Override
    public String toString() {
        return value.toString();
    }
}
