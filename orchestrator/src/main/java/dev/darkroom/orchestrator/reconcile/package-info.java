/**
 * Reconciliation: a lost webhook is normal, not an incident. Jobs overdue at fal are polled at the status URL fal
 * returned; a finished one is fed into the webhook-receiver's ingestion path exactly as a webhook would be (so a
 * late webhook changes nothing), one stuck in fal's queue past its deadline is cancelled there and expires, a
 * tenant's cancellation is carried out at fal, and dispatches no worker picked up are sent again. Uses jobs (the
 * lifecycle and the check schedule) and dispatch (to send again); nothing depends on it.
 */
@ApplicationModule(
        displayName = "reconcile",
        allowedDependencies = {"jobs", "dispatch", "scheduling"})
package dev.darkroom.orchestrator.reconcile;

import org.springframework.modulith.ApplicationModule;
