package dev.darkroom.orchestrator.reconcile;

import static dev.darkroom.orchestrator.OrchestratorTestSupport.aFluxJob;
import static dev.darkroom.orchestrator.OrchestratorTestSupport.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.Channel;
import dev.darkroom.contracts.catalog.ModelKind;
import dev.darkroom.contracts.jobs.JobStatus;
import dev.darkroom.contracts.messages.JobSubmitted;
import dev.darkroom.contracts.messages.SubmitJob;
import dev.darkroom.contracts.messages.SubmitLeaseReply;
import dev.darkroom.contracts.messages.TakeSubmitLease;
import dev.darkroom.contracts.messaging.Messaging;
import dev.darkroom.orchestrator.OrchestratorIntegrationTest;
import dev.darkroom.orchestrator.OrchestratorTestSupport;
import dev.darkroom.orchestrator.dispatch.Redispatch;
import dev.darkroom.orchestrator.jobs.DueJob;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.connection.Connection;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.AbstractMessageListenerContainer;
import org.springframework.amqp.rabbit.listener.RabbitListenerEndpointRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.jdbc.core.simple.JdbcClient;

/** One fal submission per dispatch: the submit lease workers take, and the reconciler's respect for it. */
@OrchestratorIntegrationTest
class SubmitLeaseTest {

    @LocalServerPort
    int port;

    @Autowired
    RabbitTemplate rabbit;

    @Autowired
    ConnectionFactory connections;

    @Autowired
    RabbitListenerEndpointRegistry listeners;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JobCheck check;

    @Autowired
    Redispatch redispatch;

    @Autowired
    OrchestratorTestSupport support;

    Connection worker;

    @BeforeEach
    void setUp() throws Exception {
        // stands in for an image worker: the reconciler only dispatches again to a queue someone consumes
        worker = connections.createConnection();
        Channel channel = worker.createChannel(false);
        channel.basicConsume(Messaging.WORK_IMAGE_QUEUE, true, new com.rabbitmq.client.DefaultConsumer(channel));
    }

    @AfterEach
    void tearDown() {
        worker.close();
        submittedListener().start();
    }

    @Test
    void aDispatchDeliveredTwiceIsLeasedToOneHolderOnly() {
        SubmitJob job = aDispatchedJob();

        assertThat(lease(job, 1, "delivery-a").granted()).isTrue();
        assertThat(lease(job, 1, "delivery-a").granted()).as("its own retry").isTrue();
        assertThat(lease(job, 1, "delivery-b").granted()).as("the duplicate").isFalse();

        assertThat(falSubmissions(job)).isEqualTo(1);
    }

    @Test
    void anAttemptSupersededByARedispatchIsRefused() {
        SubmitJob job = aDispatchedJob();
        redispatch.redispatch(job.jobId());

        assertThat(lease(job, 1, "old-attempt").granted()).isFalse();
        assertThat(lease(job, 2, "new-attempt").granted()).isTrue();
    }

    @Test
    void theReconcilerDoesNotDispatchAgainWhileAWorkerHoldsTheLease() {
        SubmitJob job = aDispatchedJob();
        assertThat(lease(job, 1, "delivery-a").granted()).isTrue();

        check.check(due(job));

        assertThat(dispatchAttempts(job)).isEqualTo(1);
    }

    @Test
    void aJobWhoseLeaseRanOutDuringAnOutageWaitsForTheJobSubmittedBacklogInsteadOfGoingToFalTwice() {
        SubmitJob job = aDispatchedJob();
        assertThat(lease(job, 1, "delivery-a").granted()).isTrue();
        // the orchestrator was away longer than the lease; the worker's report waits in the queue
        submittedListener().stop();
        rabbit.convertAndSend(Messaging.EVENTS_EXCHANGE, Messaging.JOB_SUBMITTED, submitted(job));
        expireLease(job);

        check.check(due(job));

        assertThat(dispatchAttempts(job)).isEqualTo(1);
        submittedListener().start();
        await().atMost(Duration.ofSeconds(20)).until(() -> "submitted".equals(status(jdbc, job.jobId())));
    }

    @Test
    void aJobWhoseLeaseRanOutWithoutAReportIsDispatchedAgain() {
        SubmitJob job = aDispatchedJob();
        assertThat(lease(job, 1, "delivery-a").granted()).isTrue();
        expireLease(job);

        check.check(due(job));

        assertThat(dispatchAttempts(job)).isEqualTo(2);
    }

    private SubmitLeaseReply lease(SubmitJob job, int attempt, String holder) {
        return rabbit.convertSendAndReceiveAsType(
                Messaging.COMMANDS_EXCHANGE,
                Messaging.TAKE_SUBMIT_LEASE,
                new TakeSubmitLease(job.jobId(), attempt, holder),
                new ParameterizedTypeReference<SubmitLeaseReply>() {});
    }

    private AbstractMessageListenerContainer submittedListener() {
        return listeners.getListenerContainers().stream()
                .map(AbstractMessageListenerContainer.class::cast)
                .filter(c -> Arrays.asList(c.getQueueNames()).contains(Messaging.JOB_SUBMITTED_QUEUE))
                .findFirst()
                .orElseThrow();
    }

    private static JobSubmitted submitted(SubmitJob job) {
        String request = "http://127.0.0.1:1/fal-ai/flux/requests/" + UUID.randomUUID();
        return new JobSubmitted(
                job.jobId(),
                request.substring(request.lastIndexOf('/') + 1),
                request + "/status",
                request,
                request + "/cancel",
                Instant.now());
    }

    private void expireLease(SubmitJob job) {
        jdbc.sql("update job set submit_lease_until = now() - interval '1 second' where id = ?")
                .param(job.jobId())
                .update();
    }

    /** The job as a reconciler round leased it, due now. */
    private DueJob due(SubmitJob job) {
        Instant leasedUntil = Instant.now().plusSeconds(60).truncatedTo(ChronoUnit.MICROS);
        jdbc.sql("update job set next_check_at = ? where id = ?")
                .params(Timestamp.from(leasedUntil), job.jobId())
                .update();
        return new DueJob(
                job.jobId(),
                JobStatus.DISPATCHED,
                null,
                null,
                null,
                null,
                null,
                dispatchAttempts(job),
                null,
                ModelKind.IMAGE,
                leasedUntil);
    }

    private int dispatchAttempts(SubmitJob job) {
        return jdbc.sql("select dispatch_attempts from job where id = ?")
                .param(job.jobId())
                .query(Integer.class)
                .single();
    }

    private int falSubmissions(SubmitJob job) {
        return jdbc.sql("select fal_submissions from job where id = ?")
                .param(job.jobId())
                .query(Integer.class)
                .single();
    }

    private SubmitJob aDispatchedJob() {
        SubmitJob job = aFluxJob(support.aTenant().create(), "{\"prompt\":\"p\"}");
        support.submit(job);
        await().atMost(Duration.ofSeconds(20)).until(() -> "dispatched".equals(status(jdbc, job.jobId())));
        return job;
    }
}
