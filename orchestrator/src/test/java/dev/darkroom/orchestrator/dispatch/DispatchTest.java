package dev.darkroom.orchestrator.dispatch;

import static dev.darkroom.orchestrator.OrchestratorTestSupport.aFluxJob;
import static dev.darkroom.orchestrator.OrchestratorTestSupport.props;
import static dev.darkroom.orchestrator.OrchestratorTestSupport.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.darkroom.contracts.messages.JobError;
import dev.darkroom.contracts.messages.JobFailed;
import dev.darkroom.contracts.messages.SubmitJob;
import dev.darkroom.orchestrator.OrchestratorIntegrationTest;
import dev.darkroom.orchestrator.OrchestratorTestSupport;
import dev.darkroom.orchestrator.jobs.JobLifecycle;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@OrchestratorIntegrationTest
class DispatchTest {

    @LocalServerPort
    int port;

    @Autowired
    RabbitTemplate rabbit;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JobLifecycle lifecycle;

    @Autowired
    Dispatcher dispatcher;

    OrchestratorTestSupport support;

    @BeforeEach
    void setUp() {
        support = new OrchestratorTestSupport(port, rabbit);
    }

    @Test
    void aSuspendedTenantsQueuedJobsWaitUntilItIsActiveAgain() {
        UUID tenant = support.aTenant("max_concurrent_jobs", 1);
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

        assertThat(status(jdbc, first.jobId())).isEqualTo("failed");
        assertThat(status(jdbc, second.jobId())).isEqualTo("queued");

        support.admin("PATCH", "/v1/admin/tenants/" + tenant, props("status", "active"));
        dispatcher.nudge();
        await().atMost(Duration.ofSeconds(20)).until(() -> "dispatched".equals(status(jdbc, second.jobId())));
    }
}
