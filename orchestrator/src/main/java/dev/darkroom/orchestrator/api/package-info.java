/**
 * HTTP plumbing every feature's API shares: cursor pagination, list pages, and USD amounts as the API shows them.
 * Depends on no other module.
 */
@ApplicationModule(
        displayName = "api",
        allowedDependencies = {})
package dev.darkroom.orchestrator.api;

import org.springframework.modulith.ApplicationModule;
