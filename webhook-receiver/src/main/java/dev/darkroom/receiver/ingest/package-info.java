/**
 * Consumes {@code FalResultReceived} (from webhooks and from the orchestrator's reconciler) idempotently: claims the
 * job at the orchestrator, turns fal's errors into {@code JobFailed}, fetches a missing payload from fal, copies the
 * outputs into storage and publishes {@code JobCompleted}. Transient failures throw, so the listener retries and
 * finally dead-letters; results that can never succeed are rejected straight to the dead-letter queue.
 */
package dev.darkroom.receiver.ingest;
