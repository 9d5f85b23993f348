package dev.darkroom.orchestrator.jobs;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface JobOutputRepository extends JpaRepository<JobOutput, JobOutput.Key> {

    List<JobOutput> findByJobIdInOrderByJobIdAscIdxAsc(Collection<UUID> jobIds);
}
