package dev.darkroom.orchestrator.admission;

import dev.darkroom.contracts.messages.Rejection;
import dev.darkroom.contracts.messages.RejectionCode;
import dev.darkroom.contracts.messages.SubmitJob;
import dev.darkroom.contracts.messages.SubmitJobReply;
import dev.darkroom.orchestrator.jobs.JobRepository;
import dev.darkroom.orchestrator.jobs.JobViews;
import dev.darkroom.orchestrator.scheduling.Purge;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code Idempotency-Key} on job submission, kept {@code darkroom.admission.idempotency-key-ttl} (24 hours) per
 * tenant, then purged. A transaction-scoped advisory lock on (tenant, key) tells a concurrent duplicate (409, still in progress) from a retry after the first committed (the
 * same job) and from a reuse with another body (422).
 */
@Component
class IdempotencyKeys implements Purge {

    private final JdbcClient jdbc;
    private final JobRepository jobs;
    private final JobViews views;
    private final Clock clock;
    private final AdmissionProperties properties;

    IdempotencyKeys(JdbcClient jdbc, JobRepository jobs, JobViews views, Clock clock, AdmissionProperties properties) {
        this.jdbc = jdbc;
        this.jobs = jobs;
        this.views = views;
        this.clock = clock;
        this.properties = properties;
    }

    /** The reply for a key seen before, or empty to admit as new. Locks the key for this transaction. */
    Optional<SubmitJobReply> replay(SubmitJob command) {
        boolean mine = jdbc.sql("select pg_try_advisory_xact_lock(hashtextextended(?, 0))")
                .param(command.tenantId() + "/" + command.idempotencyKey())
                .query(Boolean.class)
                .single();
        if (!mine) {
            return Optional.of(
                    reject(RejectionCode.IDEMPOTENCY_KEY_IN_USE, "a request with this Idempotency-Key is in progress"));
        }
        record Seen(String hash, UUID jobId) {}
        Optional<Seen> seen = jdbc.sql(
                        "select request_hash, job_id from idempotency_key where tenant_id = ? and key = ? and created_at > ?")
                .params(
                        command.tenantId(),
                        command.idempotencyKey(),
                        Timestamp.from(clock.instant().minus(properties.idempotencyKeyTtl())))
                .query((rs, n) -> new Seen(rs.getString(1), rs.getObject(2, UUID.class)))
                .optional();
        if (seen.isEmpty()) {
            return Optional.empty();
        }
        if (!seen.get().hash().equals(command.requestHash())) {
            return Optional.of(reject(
                    RejectionCode.IDEMPOTENCY_KEY_REUSED,
                    "this Idempotency-Key was used with a different request body"));
        }
        return jobs.findById(seen.get().jobId()).map(j -> SubmitJobReply.admitted(views.view(j)));
    }

    void remember(SubmitJob command, Instant now) {
        jdbc.sql("""
                        insert into idempotency_key (tenant_id, key, request_hash, job_id, created_at)
                        values (?, ?, ?, ?, ?)
                        on conflict (tenant_id, key) do update
                           set request_hash = excluded.request_hash, job_id = excluded.job_id, created_at = excluded.created_at
                        """)
                .params(
                        command.tenantId(),
                        command.idempotencyKey(),
                        command.requestHash(),
                        command.jobId(),
                        Timestamp.from(now))
                .update();
    }

    @Override
    public String rows() {
        return "idempotency keys";
    }

    @Override
    public int purge(Instant now) {
        return jdbc.sql("delete from idempotency_key where created_at < ?")
                .param(Timestamp.from(now.minus(properties.idempotencyKeyTtl())))
                .update();
    }

    private static SubmitJobReply reject(RejectionCode code, String detail) {
        return SubmitJobReply.rejected(Rejection.of(code, detail), null);
    }
}
