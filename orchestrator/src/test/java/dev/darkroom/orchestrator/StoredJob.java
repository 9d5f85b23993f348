package dev.darkroom.orchestrator;

import dev.darkroom.contracts.jobs.JobStatus;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A job as the orchestrator stored it, read back for assertions.
 *
 * @param id the job
 * @param status its state now
 * @param states every state it entered, in order
 * @param errorCode why it did not succeed, or null
 * @param costUsd its settled cost, or null while unfinished
 */
public record StoredJob(UUID id, JobStatus status, List<JobStatus> states, String errorCode, BigDecimal costUsd) {

    static StoredJob load(JdbcClient jdbc, UUID id) {
        record Row(JobStatus status, String errorCode, BigDecimal costUsd) {}
        Row row = jdbc.sql("select status, error_code, cost_usd from job where id = ?")
                .param(id)
                .query((rs, n) -> new Row(JobStatus.fromApiName(rs.getString(1)), rs.getString(2), rs.getBigDecimal(3)))
                .single();
        List<JobStatus> states = jdbc.sql("select to_status from job_transition where job_id = ? order by id")
                .param(id)
                .query((rs, n) -> JobStatus.fromApiName(rs.getString(1)))
                .list();
        return new StoredJob(id, row.status(), states, row.errorCode(), row.costUsd());
    }
}
