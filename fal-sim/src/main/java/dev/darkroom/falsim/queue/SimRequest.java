package dev.darkroom.falsim.queue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One queued request: its fixed {@link Submission} and its state. State changes only through the methods here,
 * which refuse a change that fal could not make (nothing leaves COMPLETED).
 */
public final class SimRequest {

    private final Submission submission;
    private final List<LogEntry> logs = new ArrayList<>();
    private RequestState state = RequestState.IN_QUEUE;
    private Instant startedAt;
    private Instant completedAt;
    private Instant resultExpiresAt;
    private Outcome outcome;
    private boolean cancelRequested;
    private String gatewayRequestId;

    SimRequest(Submission submission) {
        this.submission = submission;
        this.gatewayRequestId = submission.id();
    }

    public Submission submission() {
        return submission;
    }

    public String id() {
        return submission.id();
    }

    /** IN_QUEUE to IN_PROGRESS; false when the request is no longer waiting. */
    synchronized boolean start(Instant at) {
        if (state != RequestState.IN_QUEUE) {
            return false;
        }
        state = RequestState.IN_PROGRESS;
        startedAt = at;
        return true;
    }

    /** Any state to COMPLETED; false when it already completed (a cancel and a finish racing). */
    synchronized boolean complete(Outcome result, Instant at, Instant expiresAt) {
        if (state == RequestState.COMPLETED) {
            return false;
        }
        state = RequestState.COMPLETED;
        outcome = result;
        completedAt = at;
        resultExpiresAt = expiresAt;
        return true;
    }

    synchronized void log(LogEntry entry) {
        logs.add(entry);
    }

    /** fal retried the request on a new runner, under a new id (the queue keeps the first). */
    synchronized void retriedAs(String attemptId) {
        gatewayRequestId = attemptId;
    }

    synchronized void requestCancel() {
        cancelRequested = true;
    }

    public synchronized RequestState state() {
        return state;
    }

    /** A consistent copy of the request's state. */
    public synchronized View view() {
        return new View(
                submission,
                state,
                startedAt,
                completedAt,
                resultExpiresAt,
                List.copyOf(logs),
                outcome,
                cancelRequested,
                gatewayRequestId);
    }

    /**
     * A snapshot of a request.
     *
     * @param submission what was submitted
     * @param state its state
     * @param startedAt when it went IN_PROGRESS, or null
     * @param completedAt when it completed, or null
     * @param resultExpiresAt when its result stops being served, or null
     * @param logs runner log lines so far
     * @param outcome how it ended, or null
     * @param cancelRequested whether a cancel arrived while it ran
     * @param gatewayRequestId the id of its last attempt: its own id unless fal retried it
     */
    public record View(
            Submission submission,
            RequestState state,
            Instant startedAt,
            Instant completedAt,
            Instant resultExpiresAt,
            List<LogEntry> logs,
            Outcome outcome,
            boolean cancelRequested,
            String gatewayRequestId) {

        public boolean resultExpired(Instant now) {
            return resultExpiresAt != null && !now.isBefore(resultExpiresAt);
        }
    }
}
