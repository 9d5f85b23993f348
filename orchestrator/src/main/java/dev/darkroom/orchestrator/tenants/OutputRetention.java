package dev.darkroom.orchestrator.tenants;

import dev.darkroom.orchestrator.scheduling.Loop;
import dev.darkroom.orchestrator.scheduling.LoopRunner;
import dev.darkroom.storage.ObjectKeys;
import dev.darkroom.storage.ObjectStorage;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps the bucket's lifecycle rules in step with each tenant's {@code output_retention_days}: one expiry rule per
 * tenant prefix, rewritten when a tenant or plan changes and every few minutes. A store without lifecycle support
 * (s3proxy in tests and local runs) is reported once by {@link ObjectStorage#applyRetention} and otherwise ignored.
 */
@Component
class OutputRetention {

    private final JdbcClient jdbc;
    private final ObjectStorage storage;
    private final Loop loop;

    OutputRetention(JdbcClient jdbc, ObjectStorage storage, LoopRunner loops) {
        this.jdbc = jdbc;
        this.storage = storage;
        this.loop = loops.register("output-retention", Duration.ofMinutes(5), this::retentionRound);
    }

    /** Rewrites the rules soon after the current transaction (a tenant or plan change) commits. */
    void nudgeAfterCommit() {
        loop.nudgeAfterCommit();
    }

    /** One round: every tenant's retention, applied as the bucket's rules. */
    boolean retentionRound() {
        Map<String, Integer> days = new LinkedHashMap<>();
        jdbc.sql("""
                        select t.id, coalesce(t.output_retention_days, p.output_retention_days)
                          from tenant t join plan p on p.id = t.plan_id order by t.created_at
                        """)
                .query((rs, n) -> days.put(ObjectKeys.tenantPrefix(rs.getObject(1, UUID.class)), rs.getInt(2)))
                .list();
        storage.applyRetention(days);
        return false;
    }
}
