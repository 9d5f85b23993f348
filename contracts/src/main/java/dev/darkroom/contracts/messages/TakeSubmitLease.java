package dev.darkroom.contracts.messages;

import java.util.UUID;

/**
 * Command from a worker, sent request-reply just before it calls fal: may this holder submit this dispatch of the
 * job? The orchestrator grants the lease of an attempt to one holder only, and only while the job is dispatched and
 * the attempt is its latest, so a dispatch delivered twice (outbox relay, dead-letter re-drive) or superseded by a
 * redispatch never reaches fal a second time.
 *
 * @param jobId the job
 * @param attempt the dispatch attempt the worker holds ({@link DispatchJob#attempt()})
 * @param holder who asks: one delivery of the dispatch message, the same across the listener's own retries of it
 */
public record TakeSubmitLease(UUID jobId, int attempt, String holder) {}
