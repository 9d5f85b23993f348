/**
 * Webhooks to tenants: deliveries recorded by listeners of other modules' events inside the transaction of the
 * change that causes them, delivered with Standard Webhooks signatures and retried with backoff; tenant-supplied
 * URLs that resolve to private addresses are refused. Uses jobs and billing (their events and the job view);
 * nothing depends on it.
 */
@ApplicationModule(
        displayName = "webhooks",
        allowedDependencies = {"jobs", "billing", "tenants", "api", "scheduling"})
package dev.darkroom.orchestrator.webhooks;

import org.springframework.modulith.ApplicationModule;
