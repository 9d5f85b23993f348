/**
 * Webhooks to tenants: events recorded with the change that causes them, delivered with Standard Webhooks
 * signatures and retried with backoff; tenant-supplied URLs that resolve to private addresses are refused.
 */
package dev.darkroom.orchestrator.webhooks;
