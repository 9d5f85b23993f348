package dev.darkroom.contracts.jobs;

import java.util.Collections;
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

    /** At fal or on the way there: what the global and per-tenant in-flight caps count. */
    public static final Set<JobStatus> IN_FLIGHT =
            Collections.unmodifiableSet(EnumSet.of(DISPATCHED, SUBMITTED, RUNNING));

    /** Waiting in Darkroom: not yet admitted, or admitted and waiting for dispatch. */
    public static final Set<JobStatus> WAITING = Collections.unmodifiableSet(EnumSet.of(ACCEPTED, QUEUED));

    /** Not finished yet: waiting or in flight. What the queue limit counts. */
    public static final Set<JobStatus> UNFINISHED =
            Collections.unmodifiableSet(EnumSet.of(ACCEPTED, QUEUED, DISPATCHED, SUBMITTED, RUNNING));

    /** Admitted and not finished: the jobs whose estimate is reserved against the budget. */
    public static final Set<JobStatus> RESERVED =
            Collections.unmodifiableSet(EnumSet.of(QUEUED, DISPATCHED, SUBMITTED, RUNNING));

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

    /** The API names of some states, for SQL such as {@code status = any(?)}. */
    public static String[] apiNames(Set<JobStatus> states) {
        return states.stream().map(JobStatus::apiName).sorted().toArray(String[]::new);
    }

    public static JobStatus fromApiName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
