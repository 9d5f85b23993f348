/**
 * Tenant authentication: {@code Authorization: Bearer dr_live_...} resolved to a tenant through the orchestrator by
 * the key's SHA-256, cached briefly and used while stale if the orchestrator is unreachable. Client-sent internal
 * headers are stripped from every request.
 */
package dev.darkroom.gateway.auth;
