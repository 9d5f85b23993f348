package dev.darkroom.orchestrator.jobs;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * fal requests Darkroom no longer wants: duplicates from a worker that submitted twice, and requests of jobs
 * canceled before fal's answer reached us. The reconciler cancels them at fal.
 */
@Component
public class FalRequestsToCancel {

    private final JdbcClient jdbc;
    private final Clock clock;

    FalRequestsToCancel(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void add(String falRequestId, UUID jobId, String cancelUrl) {
        jdbc.sql("""
                        insert into fal_request_to_cancel (fal_request_id, job_id, cancel_url, created_at)
                        values (?, ?, ?, ?) on conflict do nothing
                        """)
                .params(falRequestId, jobId, cancelUrl, Timestamp.from(clock.instant()))
                .update();
    }
}
