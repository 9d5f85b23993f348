package dev.darkroom.orchestrator.jobs;

import dev.darkroom.contracts.jobs.JobStatus;
import dev.darkroom.support.problems.DarkroomException;
import java.util.Map;
import java.util.UUID;

/** A state change the job's state machine does not allow, such as canceling a finished job. */
class IllegalTransitionException extends DarkroomException {

    IllegalTransitionException(UUID jobId, JobStatus from, JobStatus to) {
        super(
                409,
                "invalid_job_state",
                "job " + jobId + " is " + from.apiName() + " and cannot become " + to.apiName(),
                Map.of("job_id", jobId.toString(), "status", from.apiName()));
    }
}
