/**
 * Who may call what: the admin token for {@code /v1/admin}, the internal token that proves a call came through the
 * gateway (or another Darkroom service), the tenant the gateway resolved from the API key, and the internal
 * endpoint the gateway resolves keys with. Uses tenants (the keys).
 */
@ApplicationModule(
        displayName = "security",
        allowedDependencies = {"tenants"})
package dev.darkroom.orchestrator.security;

import org.springframework.modulith.ApplicationModule;
