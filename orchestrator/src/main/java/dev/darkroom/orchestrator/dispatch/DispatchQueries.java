package dev.darkroom.orchestrator.dispatch;

import dev.darkroom.contracts.jobs.JobStatus;
import dev.darkroom.orchestrator.tenants.TenantStatus;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The dispatcher's SQL; the only code that writes {@code dispatch_turn}. */
@Component
class DispatchQueries {

    /** Any constant; the dispatcher's transaction-scoped advisory lock makes one replica dispatch at a time. */
    private static final long LOCK = 0x44_52_44_53_50_54_43_48L;

    private static final String[] IN_FLIGHT = JobStatus.apiNames(JobStatus.IN_FLIGHT);

    private final JdbcClient jdbc;

    DispatchQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean tryLock() {
        return jdbc.sql("select pg_try_advisory_xact_lock(?)")
                .param(LOCK)
                .query(Boolean.class)
                .single();
    }

    int inFlight() {
        return jdbc.sql("select count(*) from job where status = any(?)")
                .param(IN_FLIGHT)
                .query(Integer.class)
                .single();
    }

    /**
     * The next job to dispatch: the oldest waiting job of the tenant whose turn it is — among tenants with waiting
     * jobs and room under their own cap, the one served longest ago (never served first). A suspended tenant's
     * queued jobs wait until it is active again.
     */
    Optional<UUID> next() {
        return jdbc.sql("""
                        with waiting as (select distinct tenant_id from job where status = :queued),
                        eligible as (
                            select w.tenant_id, d.last_turn
                              from waiting w
                              join tenant t on t.id = w.tenant_id
                              join plan p on p.id = t.plan_id
                              left join dispatch_turn d on d.tenant_id = w.tenant_id
                             where t.status = :active
                               and (select count(*) from job f
                                     where f.tenant_id = w.tenant_id and f.status = any(:inFlight))
                                   < coalesce(t.max_concurrent_jobs, p.max_concurrent_jobs)
                             order by d.last_turn nulls first, w.tenant_id
                             limit 1)
                        select j.id from job j join eligible e on e.tenant_id = j.tenant_id
                         where j.status = :queued
                         order by j.created_at, j.id
                         limit 1
                           for update of j skip locked
                        """)
                .param("queued", JobStatus.QUEUED.apiName())
                .param("active", TenantStatus.ACTIVE.apiName())
                .param("inFlight", IN_FLIGHT)
                .query(UUID.class)
                .optional();
    }

    void takeTurn(UUID tenantId) {
        jdbc.sql("""
                        insert into dispatch_turn (tenant_id, last_turn) values (?, nextval('dispatch_turn_seq'))
                        on conflict (tenant_id) do update set last_turn = excluded.last_turn
                        """).param(tenantId).update();
    }
}
