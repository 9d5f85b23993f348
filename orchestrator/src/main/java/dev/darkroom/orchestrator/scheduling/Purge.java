package dev.darkroom.orchestrator.scheduling;

import java.time.Instant;

/**
 * Rows of one feature that only matter for a while. Each feature deletes its own, with the retention from its own
 * properties; {@link Housekeeping} runs every purge on one slow loop.
 */
public interface Purge {

    /** What the rows are, for the log line, such as {@code "idempotency keys"}. */
    String rows();

    /** Deletes the rows no longer needed at {@code now}; returns how many it deleted. */
    int purge(Instant now);
}
