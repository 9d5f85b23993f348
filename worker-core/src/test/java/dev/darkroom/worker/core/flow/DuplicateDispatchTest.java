package dev.darkroom.worker.core.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.darkroom.contracts.messages.DispatchJob;
import dev.darkroom.contracts.messages.JobSubmitted;
import dev.darkroom.contracts.messages.SubmitLeaseReply;
import dev.darkroom.contracts.messages.TakeSubmitLease;
import dev.darkroom.contracts.messaging.Messaging;
import dev.darkroom.testsupport.DarkroomInfra;
import dev.darkroom.testsupport.FalSimServer;
import dev.darkroom.testsupport.Infra;
import dev.darkroom.worker.core.support.Broker;
import dev.darkroom.worker.core.support.FalSimAdmin;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.annotation.Exchange;
import org.springframework.amqp.rabbit.annotation.Queue;
import org.springframework.amqp.rabbit.annotation.QueueBinding;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * A dispatch delivered twice (the outbox relay's or a dead-letter re-drive's duplicate) reaches fal once: the worker
 * takes the attempt's submit lease first. The lease is granted here as the orchestrator grants it, one holder per
 * job and attempt.
 */
@SpringBootTest(
        classes = {WorkerTestApplication.class, DuplicateDispatchTest.Leases.class},
        properties = {"darkroom.worker.kind=image", "darkroom.worker.start-timeout=45s"})
@DarkroomInfra(Infra.RABBITMQ)
@DirtiesContext
class DuplicateDispatchTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static FalSimServer fal;

    @Autowired
    RabbitTemplate rabbit;

    @Autowired
    MeterRegistry meters;

    Broker broker;
    FalSimAdmin sim;

    @TestConfiguration
    static class Leases {

        private final Map<String, String> holders = new ConcurrentHashMap<>();

        @Bean
        Leases leaseGranter() {
            return this;
        }

        @RabbitListener(
                bindings =
                        @QueueBinding(
                                value =
                                        @Queue(
                                                value = "worker-test.submit-leases",
                                                durable = "false",
                                                exclusive = "true"),
                                exchange = @Exchange(Messaging.COMMANDS_EXCHANGE),
                                key = Messaging.TAKE_SUBMIT_LEASE))
        SubmitLeaseReply take(TakeSubmitLease request) {
            String holder = holders.putIfAbsent(request.jobId() + "/" + request.attempt(), request.holder());
            return holder == null || holder.equals(request.holder())
                    ? SubmitLeaseReply.grant()
                    : SubmitLeaseReply.refuse("another holder has it");
        }
    }

    @DynamicPropertySource
    static void falSim(DynamicPropertyRegistry registry) {
        registry.add("darkroom.fal.queue-url", () -> falSim().queueUrl());
        registry.add("darkroom.fal.rest-url", () -> falSim().restUrl());
        registry.add("darkroom.fal.jwks-url", () -> falSim().jwksUrl());
        registry.add("darkroom.fal.key", () -> falSim().falKey());
    }

    private static synchronized FalSimServer falSim() {
        if (fal == null) {
            fal = FalSimServer.start(Map.of());
        }
        return fal;
    }

    @AfterAll
    static void stopFalSim() {
        if (fal != null) {
            fal.close();
        }
    }

    @BeforeEach
    void connect() {
        broker = new Broker(rabbit, Messaging.WORK_IMAGE_QUEUE);
        sim = new FalSimAdmin(falSim().baseUrl());
    }

    @AfterEach
    void close() {
        broker.close();
    }

    @Test
    void aDispatchDeliveredTwiceIsSubmittedToFalOnce() {
        double supersededBefore = superseded();
        DispatchJob job = new DispatchJob(
                UUID.randomUUID(),
                UUID.randomUUID(),
                "flux-dev",
                JSON.readTree("{\"prompt\":\"a lighthouse\"}"),
                Instant.now(),
                1);

        broker.dispatch(Messaging.WORK_IMAGE, job);
        broker.dispatch(Messaging.WORK_IMAGE, job);

        broker.awaitEvent(JobSubmitted.class, job.jobId(), JobSubmitted::jobId);
        await().atMost(Duration.ofSeconds(30)).until(() -> superseded() > supersededBefore);
        assertThat(sim.requestsOfJob(job.jobId())).hasSize(1);
    }

    private double superseded() {
        Counter counter = meters.find("darkroom.worker.submissions")
                .tag("model", "flux-dev")
                .tag("outcome", "superseded")
                .counter();
        return counter == null ? 0 : counter.count();
    }
}
