/**
 * One trace per job: the trace context of a job's work carried where Micrometer's instrumentation cannot carry it by
 * itself (outbox rows, database rows picked up later by another thread, fal's webhook URL), and the job and tenant
 * ids as baggage, so every log line of the job's work in every service has them in its MDC.
 */
package dev.darkroom.support.tracing;
