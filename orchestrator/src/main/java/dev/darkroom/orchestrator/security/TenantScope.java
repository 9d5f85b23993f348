package dev.darkroom.orchestrator.security;

import java.util.UUID;

/**
 * The tenant a request acts for, as the gateway resolved it from the API key. Controller methods take it as a
 * parameter; every query they run is scoped by it.
 *
 * @param tenantId the tenant
 * @param apiKeyId the key used, or null
 */
public record TenantScope(UUID tenantId, UUID apiKeyId) {}
