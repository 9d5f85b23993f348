package dev.darkroom.orchestrator.dispatch;

import static dev.darkroom.orchestrator.OrchestratorAssertions.assertThat;
import static dev.darkroom.orchestrator.OrchestratorTestSupport.aFluxJob;
import static dev.darkroom.orchestrator.OrchestratorTestSupport.props;
import static dev.darkroom.orchestrator.OrchestratorTestSupport.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.darkroom.contracts.jobs.JobStatus;
import dev.darkroom.contracts.messages.JobError;
import dev.darkroom.contracts.messages.JobFailed;
import dev.darkroom.contracts.messages.SubmitJob;
import dev.darkroom.orchestrator.OrchestratorIntegrationTest;
import dev.darkroom.orchestrator.OrchestratorTestSupport;
import dev.darkroom.orchestrator.jobs.JobLifecycle;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@OrchestratorIntegrationTest
class DispatchTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JobLifecycle lifecycle;

    @Autowired
    Dispatcher dispatcher;

    @Autowired
    OrchestratorTestSupport support;

    @Test
    void aSuspendedTenantsQueuedJobsWaitUntilItIsActiveAgain() {
        UUID tenant = support.aTenant().withMaxConcurrentJobs(1).create();
        SubmitJob first = aFluxJob(tenant, "{\"prompt\":\"first\"}");
        SubmitJob second = aFluxJob(tenant, "{\"prompt\":\"second\"}");
        support.submit(first);
        support.submit(second);
        await().atMost(Duration.ofSeconds(20)).until(() -> "dispatched".equals(status(jdbc, first.jobId())));
        assertThat(status(jdbc, second.jobId())).isEqualTo("queued");

        support.admin("PATCH", "/v1/admin/tenants/" + tenant, props("status", "suspended"));
        lifecycle.failed(
                new JobFailed(first.jobId(), null, new JobError("fal_error", "failed at fal", null), Instant.now()));
        dispatcher.dispatchRound();

        assertThat(support.job(first.jobId()))
                .hasStates(JobStatus.ACCEPTED, JobStatus.QUEUED, JobStatus.DISPATCHED, JobStatus.FAILED);
        assertThat(support.job(second.jobId())).hasStates(JobStatus.ACCEPTED, JobStatus.QUEUED);

        support.admin("PATCH", "/v1/admin/tenants/" + tenant, props("status", "active"));
        dispatcher.nudge();
        await().atMost(Duration.ofSeconds(20)).until(() -> "dispatched".equals(status(jdbc, second.jobId())));
    }

    @Test
    void aTenantWhoseBudgetWasLoweredBelowWhatItCommittedGetsNoFurtherDispatches() {
        UUID tenant = support.aTenant("max_concurrent_jobs", 1, "monthly_budget_usd", "10.00");
        SubmitJob first = aFluxJob(tenant, "{\"prompt\":\"first\"}");
        SubmitJob second = aFluxJob(tenant, "{\"prompt\":\"second\"}");
        support.submit(first);
        support.submit(second);
        await().atMost(Duration.ofSeconds(20)).until(() -> "dispatched".equals(status(jdbc, first.jobId())));

        // 0.05 reserved for the two jobs; the first one's 0.025 will be released when it fails
        support.admin("PATCH", "/v1/admin/tenants/" + tenant, props("monthly_budget_usd", "0.01"));
        lifecycle.failed(
                new JobFailed(first.jobId(), null, new JobError("fal_error", "failed at fal", null), Instant.now()));
        // another tenant's job: once it is dispatched, a round has run since (one transaction fills every slot)
        SubmitJob other = aFluxJob(support.aTenant().create(), "{\"prompt\":\"other\"}");
        support.submit(other);
        await().atMost(Duration.ofSeconds(20)).until(() -> "dispatched".equals(status(jdbc, other.jobId())));

        assertThat(status(jdbc, first.jobId())).isEqualTo("failed");
        assertThat(status(jdbc, second.jobId())).isEqualTo("queued");

        support.admin("PATCH", "/v1/admin/tenants/" + tenant, props("monthly_budget_usd", "10.00"));
        dispatcher.nudge();
        await().atMost(Duration.ofSeconds(20)).until(() -> "dispatched".equals(status(jdbc, second.jobId())));
    }
}
