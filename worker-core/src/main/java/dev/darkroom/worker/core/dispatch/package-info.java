/**
 * The worker's consumer of its work queue: reads {@code DispatchJob}s, hands them to the submission step, retries
 * transient failures with backoff, sends poison messages straight to the dead-letter queue, and drains in-flight
 * work on shutdown.
 */
package dev.darkroom.worker.core.dispatch;
