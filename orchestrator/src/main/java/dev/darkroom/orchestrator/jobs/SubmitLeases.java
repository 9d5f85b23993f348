package dev.darkroom.orchestrator.jobs;

import dev.darkroom.contracts.messages.SubmitLeaseReply;
import dev.darkroom.contracts.messages.TakeSubmitLease;
import dev.darkroom.contracts.messaging.Messaging;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Grants workers the right to submit a dispatch to fal, so each dispatch attempt reaches fal at most once: the lease
 * of an attempt goes to one holder (the same holder may ask again, for its own retries), only for the job's latest
 * attempt and only while the job is dispatched and not being cancelled. One conditional update; it bumps the job's
 * version so a concurrent redispatch, which reads the lease first, loses its optimistic lock instead of racing it.
 * {@code darkroom_fal_submit_leases_total{outcome}} counts {@code first} (a job's first fal submission),
 * {@code repeat} (a further one, after a lease expired without a report) and {@code refused}; submissions per job
 * are {@code (first + repeat) / first}.
 */
@Component
public class SubmitLeases {

    private static final Logger log = LoggerFactory.getLogger(SubmitLeases.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SubmitLeaseProperties properties;
    private final Counter first;
    private final Counter repeat;
    private final Counter refused;

    SubmitLeases(JdbcClient jdbc, Clock clock, SubmitLeaseProperties properties, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
        this.first = counter(meters, "first");
        this.repeat = counter(meters, "repeat");
        this.refused = counter(meters, "refused");
    }

    @RabbitListener(queues = Messaging.SUBMIT_LEASE_QUEUE, concurrency = "${darkroom.jobs.submit-lease-consumers:1-4}")
    SubmitLeaseReply take(TakeSubmitLease request) {
        Instant now = clock.instant();
        Optional<Integer> submissions = jdbc.sql("""
                        update job
                           set fal_submissions = fal_submissions
                                   + case when submit_lease_holder is distinct from :holder then 1 else 0 end,
                               submit_lease_attempt = :attempt,
                               submit_lease_holder = :holder,
                               submit_lease_until = :until,
                               version = version + 1
                         where id = :job
                           and status = 'dispatched'
                           and cancel_requested_at is null
                           and dispatch_attempts = :attempt
                           and (submit_lease_attempt is distinct from :attempt or submit_lease_holder = :holder)
                        returning fal_submissions
                        """)
                .param("job", request.jobId())
                .param("attempt", request.attempt())
                .param("holder", request.holder())
                .param("until", Timestamp.from(now.plus(properties.submitLease())))
                .query(Integer.class)
                .optional();
        if (submissions.isEmpty()) {
            refused.increment();
            log.info(
                    "submit lease of job {} attempt {} refused: the job moved on, or another holder has it",
                    request.jobId(),
                    request.attempt());
            return SubmitLeaseReply.refuse("the job is not waiting for this dispatch to be submitted");
        }
        (submissions.get() == 1 ? first : repeat).increment();
        return SubmitLeaseReply.grant();
    }

    /**
     * A job's submit lease as stored.
     *
     * @param attempt the dispatch attempt it was granted for, or null when none was
     * @param until when it ends, or null
     */
    public record Lease(Integer attempt, Instant until) {

        /** Whether a worker may be submitting the job's current attempt right now. */
        public boolean held(int currentAttempt, Instant now) {
            return granted(currentAttempt) && until.isAfter(now);
        }

        /** Whether a worker took the lease of the current attempt, so fal may have the job already. */
        public boolean granted(int currentAttempt) {
            return attempt != null && attempt == currentAttempt && until != null;
        }
    }

    public Lease lease(java.util.UUID jobId) {
        return jdbc.sql("select submit_lease_attempt, submit_lease_until from job where id = ?")
                .param(jobId)
                .query((rs, n) -> {
                    Timestamp until = rs.getTimestamp(2);
                    return new Lease(rs.getObject(1, Integer.class), until == null ? null : until.toInstant());
                })
                .single();
    }

    private static Counter counter(MeterRegistry meters, String outcome) {
        return Counter.builder("darkroom_fal_submit_leases_total")
                .description("submit leases asked for by workers, by outcome")
                .tag("outcome", outcome)
                .register(meters);
    }
}
