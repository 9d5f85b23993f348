/**
 * Tenants, their plans and quota overrides, and their API keys (shown once, stored as SHA-256 hashes). The admin
 * API lives here; admission reads the effective quota in SQL. The bottom of the feature graph: it uses only the
 * shared {@code api} and {@code scheduling} modules.
 */
@ApplicationModule(
        displayName = "tenants",
        allowedDependencies = {"api", "scheduling"})
package dev.darkroom.orchestrator.tenants;

import org.springframework.modulith.ApplicationModule;
