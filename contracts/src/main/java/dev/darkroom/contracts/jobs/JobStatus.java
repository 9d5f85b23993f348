package dev.darkroom.contracts.jobs;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The states of a job and the one table of moves between them. The orchestrator's job entity is the only code that
 * changes a job's state, and it asks {@link #canMoveTo} first.
 */
public enum JobStatus {
    /** Received by the gateway; admission not decided yet. */
    ACCEPTED,
    /** Admitted and waiting in Postgres for fair dispatch. */
    QUEUED,
    /** Released to a work queue; a worker will submit it to fal. */
    DISPATCHED,
    /** In fal's queue. */
    SUBMITTED,
    /** fal reports it in progress. */
    RUNNING,
    SUCCEEDED,
    FAILED,
    CANCELED,
    /** Given up: stuck in fal's queue past its deadline, or running there past the longest run time. */
    EXPIRED,
    /** Refused at admission: budget, rate, concurrency or model not allowed. */
    REJECTED;

    private static final Map<JobStatus, Set<JobStatus>> MOVES = new EnumMap<>(JobStatus.class);

    static {
        MOVES.put(ACCEPTED, EnumSet.of(QUEUED, REJECTED));
        MOVES.put(QUEUED, EnumSet.of(DISPATCHED, CANCELED, EXPIRED));
        // a completion can overtake the worker's job.submitted report, hence dispatched -> succeeded/failed
        MOVES.put(DISPATCHED, EnumSet.of(SUBMITTED, RUNNING, SUCCEEDED, FAILED, CANCELED, EXPIRED));
        MOVES.put(SUBMITTED, EnumSet.of(RUNNING, SUCCEEDED, FAILED, CANCELED, EXPIRED));
        MOVES.put(RUNNING, EnumSet.of(SUCCEEDED, FAILED, CANCELED, EXPIRED));
        for (JobStatus terminal : EnumSet.of(SUCCEEDED, FAILED, CANCELED, EXPIRED, REJECTED)) {
            MOVES.put(terminal, EnumSet.noneOf(JobStatus.class));
        }
    }

    public boolean canMoveTo(JobStatus next) {
        return MOVES.get(this).contains(next);
    }

    public boolean isTerminal() {
        return MOVES.get(this).isEmpty();
    }

    /** The lower-case name the public API uses. */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static JobStatus fromApiName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
