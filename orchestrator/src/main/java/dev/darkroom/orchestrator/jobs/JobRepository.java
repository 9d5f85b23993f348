package dev.darkroom.orchestrator.jobs;

import dev.darkroom.contracts.jobs.JobStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface JobRepository extends JpaRepository<Job, UUID> {

    Optional<Job> findByIdAndTenantId(UUID id, UUID tenantId);

    /** A tenant's jobs, newest first, after a (created_at, id) cursor; filters are optional. */
    @Query("""
            select j from Job j
             where j.tenantId = :tenantId
               and (:status is null or j.status = :status)
               and (:model is null or j.model = :model)
               and (j.createdAt < :before or (j.createdAt = :before and j.id < :beforeId))
             order by j.createdAt desc, j.id desc
            """)
    List<Job> page(UUID tenantId, JobStatus status, String model, Instant before, UUID beforeId, Limit limit);
}
