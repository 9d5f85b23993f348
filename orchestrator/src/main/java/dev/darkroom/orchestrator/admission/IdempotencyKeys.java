package dev.darkroom.orchestrator.admission;

import dev.darkroom.contracts.messages.Rejection;
import dev.darkroom.contracts.messages.SubmitJob;
import dev.darkroom.contracts.messages.SubmitJobReply;
import dev.darkroom.orchestrator.jobs.JobRepository;
import dev.darkroom.orchestrator.jobs.JobViews;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code Idempotency-Key} on job submission, kept 24 hours per tenant (then deleted by housekeeping). A transaction-scoped advisory lock on
 * (tenant, key) tells a concurrent duplicate (409, still in progress) from a retry after the first committed (the
 * same job) and from a reuse with another body (422).
 */
@Component
public class IdempotencyKeys {

    /** How long a key is honoured; housekeeping deletes older ones. */
    public static final Duration KEEP = Duration.ofHours(24);

    private final JdbcClient jdbc;
    private final JobRepository jobs;
    private final JobViews views;
    private final Clock clock;

    IdempotencyKeys(JdbcClient jdbc, JobRepository jobs, JobViews views, Clock clock) {
        this.jdbc = jdbc;
        this.jobs = jobs;
        this.views = views;
        this.clock = clock;
    }

    /** The reply for a key seen before, or empty to admit as new. Locks the key for this transaction. */
    Optional<SubmitJobReply> replay(SubmitJob command) {
        boolean mine = jdbc.sql("select pg_try_advisory_xact_lock(hashtextextended(?, 0))")
                .param(command.tenantId() + "/" + command.idempotencyKey())
                .query(Boolean.class)
                .single();
        if (!mine) {
            return Optional.of(
                    reject(409, "idempotency_key_in_use", "a request with this Idempotency-Key is in progress"));
        }
        record Seen(String hash, UUID jobId) {}
        Optional<Seen> seen = jdbc.sql(
                        "select request_hash, job_id from idempotency_key where tenant_id = ? and key = ? and created_at > ?")
                .params(
                        command.tenantId(),
                        command.idempotencyKey(),
                        Timestamp.from(clock.instant().minus(KEEP)))
                .query((rs, n) -> new Seen(rs.getString(1), rs.getObject(2, UUID.class)))
                .optional();
        if (seen.isEmpty()) {
            return Optional.empty();
        }
        if (!seen.get().hash().equals(command.requestHash())) {
            return Optional.of(reject(
                    422, "idempotency_key_reused", "this Idempotency-Key was used with a different request body"));
        }
        return jobs.findById(seen.get().jobId()).map(j -> SubmitJobReply.admitted(views.tree(j)));
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

    private static SubmitJobReply reject(int status, String code, String detail) {
        return SubmitJobReply.rejected(new Rejection(status, code, detail, null, Map.of()), null);
    }
}
