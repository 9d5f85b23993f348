/**
 * Jobs: the {@link dev.darkroom.orchestrator.jobs.Job} aggregate, the only code that changes a job's state, its
 * append-only history and outputs, the tenant-facing job API, and the consumers of the workers' and
 * webhook-receiver's events. A job announces what happened to it as {@link dev.darkroom.orchestrator.jobs.JobQueued}
 * and {@link dev.darkroom.orchestrator.jobs.JobFinished}; the modules that react (dispatch, webhooks) listen,
 * so jobs depends on none of them. Uses billing (to settle and release), tenants (typed ids), security and api.
 */
@ApplicationModule(
        displayName = "jobs",
        allowedDependencies = {"billing", "tenants", "security", "api"})
package dev.darkroom.orchestrator.jobs;

import org.springframework.modulith.ApplicationModule;
