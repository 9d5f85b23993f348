/**
 * Admission: one Postgres transaction per submitted job that locks the tenant, then enforces requests per minute,
 * allowed models, the queue limit and the monthly budget (spent + reserved + estimate <= budget), and either
 * records the job as queued with its cost reserved, or as rejected with the reason. The tenant row lock makes the
 * checks hold across any number of orchestrator and gateway replicas. Also the tenant's quota view, which reads the
 * same limits. Uses jobs (to record the job), billing (to reserve), tenants (the quota); nothing depends on it.
 */
@ApplicationModule(
        displayName = "admission",
        allowedDependencies = {"jobs", "billing", "tenants", "security", "api", "scheduling"})
package dev.darkroom.orchestrator.admission;

import org.springframework.modulith.ApplicationModule;
