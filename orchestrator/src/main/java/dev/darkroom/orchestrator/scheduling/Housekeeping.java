package dev.darkroom.orchestrator.scheduling;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.StringJoiner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs every feature's {@link Purge} on one slow loop, so the tables Darkroom reads per request stay small. What is
 * deleted, and after how long, belongs to each feature; jobs, their history and the ledger are kept.
 */
@Component
class Housekeeping {

    private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);

    private final List<Purge> purges;
    private final Clock clock;

    Housekeeping(List<Purge> purges, Clock clock, LoopRunner loops, HousekeepingProperties properties) {
        this.purges = purges;
        this.clock = clock;
        loops.register("housekeeping", properties.interval(), this::purgeRound);
    }

    /** One round: every purge once. Never reports more work: what is left waits for the next round. */
    boolean purgeRound() {
        Instant now = clock.instant();
        StringJoiner deleted = new StringJoiner(", ");
        for (Purge purge : purges) {
            int rows = purge.purge(now);
            if (rows > 0) {
                deleted.add(rows + " " + purge.rows());
            }
        }
        if (deleted.length() > 0) {
            log.info("housekeeping deleted {}", deleted);
        }
        return false;
    }
}
