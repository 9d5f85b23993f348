/**
 * Tenants, their plans and quota overrides, and their API keys (shown once, stored as SHA-256 hashes). The admin
 * API lives here; admission reads the effective quota in SQL.
 */
package dev.darkroom.orchestrator.tenants;
