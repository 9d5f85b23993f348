package dev.darkroom.worker.core.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.darkroom.contracts.messages.DispatchJob;
import dev.darkroom.contracts.messages.JobFailed;
import dev.darkroom.contracts.messages.JobSubmitted;
import dev.darkroom.contracts.messaging.Messaging;
import dev.darkroom.contracts.webhooks.WebhookTokens;
import dev.darkroom.testsupport.DarkroomInfra;
import dev.darkroom.testsupport.FalSimServer;
import dev.darkroom.testsupport.Infra;
import dev.darkroom.worker.core.support.Broker;
import dev.darkroom.worker.core.support.FalSimAdmin;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An image worker against a real broker and fal-sim. This fal-sim validates inputs at submit time, so a refused input
 * comes back as the submit's 422, as fal does for some models.
 */
@SpringBootTest(
        classes = WorkerTestApplication.class,
        properties = {"darkroom.worker.kind=image", "darkroom.worker.start-timeout=45s"})
@DarkroomInfra(Infra.RABBITMQ)
@DirtiesContext
class ImageJobFlowTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SECRET = "dev-only-test-webhook-secret";
    private static FalSimServer fal;

    @Autowired
    RabbitTemplate rabbit;

    @Autowired
    MeterRegistry meters;

    Broker broker;
    FalSimAdmin sim;

    @DynamicPropertySource
    static void falSim(DynamicPropertyRegistry registry) {
        registry.add("darkroom.fal.queue-url", () -> falSim().queueUrl());
        registry.add("darkroom.fal.rest-url", () -> falSim().restUrl());
        registry.add("darkroom.fal.jwks-url", () -> falSim().jwksUrl());
        registry.add("darkroom.fal.key", () -> falSim().falKey());
    }

    private static synchronized FalSimServer falSim() {
        if (fal == null) {
            fal = FalSimServer.start(Map.of("fal-sim.queue.validation", "submit"));
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
    void noFaults() {
        sim.faults("{}");
        broker.close();
    }

    @Test
    void aDispatchedImageJobIsSubmittedToFalWithItsWebhookAndReported() {
        DispatchJob job =
                job("flux-dev", "{\"prompt\":\"a lighthouse at dusk\",\"aspect_ratio\":\"16:9\",\"num_images\":2}");

        broker.dispatch(Messaging.WORK_IMAGE, job);

        JobSubmitted submitted = broker.awaitEvent(JobSubmitted.class, job.jobId(), JobSubmitted::jobId);
        String requestId = submitted.falRequestId();
        String requests = falSim().queueUrl() + "/fal-ai/flux/requests/" + requestId;
        assertThat(submitted.statusUrl()).isEqualTo(requests + "/status");
        assertThat(submitted.responseUrl()).isEqualTo(requests);
        assertThat(submitted.cancelUrl()).isEqualTo(requests + "/cancel");
        assertThat(submitted.submittedAt()).isNotNull();

        JsonNode received = sim.request(requestId);
        assertThat(received.path("endpoint_id").asString()).isEqualTo("fal-ai/flux/dev");
        assertThat(received.path("input").path("prompt").asString()).isEqualTo("a lighthouse at dusk");
        assertThat(received.path("input").path("image_size").asString()).isEqualTo("landscape_16_9");
        assertThat(received.path("input").path("num_images").asInt()).isEqualTo(2);
        assertThat(received.path("input").has("aspect_ratio")).isFalse();
        assertThat(received.path("priority").asString()).isEqualToIgnoringCase("normal");
        assertThat(received.path("start_timeout").isNull()).isFalse();
        assertThat(received.path("store_io").asBoolean(true))
                .as("X-Fal-Store-IO: 0, fal keeps no payloads")
                .isFalse();
        assertThat(received.path("payload_stored").asBoolean()).isFalse();

        URI webhook = URI.create(received.path("webhook_url").asString());
        assertThat(webhook.getScheme() + "://" + webhook.getAuthority() + webhook.getPath())
                .isEqualTo("http://127.0.0.1:8084/fal/webhooks/" + job.jobId());
        String token = webhook.getQuery().substring("token=".length());
        assertThat(new WebhookTokens(SECRET).valid(job.jobId(), token)).isTrue();
        assertThat(counter("flux-dev", "submitted")).isGreaterThanOrEqualTo(1);
        assertThat(meters.find("darkroom.worker.submit.latency")
                        .tag("model", "flux-dev")
                        .tag("outcome", "accepted")
                        .timer())
                .isNotNull();
    }

    @Test
    void anInputFalRefusesFailsTheJobWithFalsOwnDetail() {
        DispatchJob job = job("flux-dev", "{\"prompt\":\"too many\",\"num_images\":9}");

        broker.dispatch(Messaging.WORK_IMAGE, job);

        JobFailed failed = broker.awaitEvent(JobFailed.class, job.jobId(), JobFailed::jobId);
        assertThat(failed.falRequestId()).isNull();
        assertThat(failed.error().code()).isEqualTo("fal_validation_error");
        assertThat(failed.error().message())
                .isEqualTo("fal rejected the input: body.num_images: Input should be less than or equal to 4.");
        JsonNode detail = failed.error().falDetail().path("detail").get(0);
        assertThat(detail.path("loc").toString()).isEqualTo("[\"body\",\"num_images\"]");
        assertThat(failed.failedAt()).isNotNull();
        assertThat(sim.requestsOfJob(job.jobId())).isEmpty();
        assertThat(counter("flux-dev", "failed")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aRateLimitedSubmitIsRetriedUntilFalAcceptsIt() {
        sim.faults("{\"submit_429_rate\": 1.0}");
        double retriedBefore = counter("flux-pro", "retried");
        DispatchJob job = job("flux-pro", "{\"prompt\":\"busy day\"}");

        broker.dispatch(Messaging.WORK_IMAGE, job);
        await().atMost(Duration.ofSeconds(30)).until(() -> counter("flux-pro", "retried") > retriedBefore);
        sim.faults("{}");

        JobSubmitted submitted = broker.awaitEvent(JobSubmitted.class, job.jobId(), JobSubmitted::jobId);
        List<JsonNode> requests = sim.requestsOfJob(job.jobId());
        assertThat(requests).hasSize(1);
        assertThat(requests.get(0).path("request_id").asString()).isEqualTo(submitted.falRequestId());
    }

    @Test
    void aSubmitWhoseAnswerIsLostIsRetriedAndTheRetriedRequestIsReported() {
        sim.faults("{\"submit_response_lost_rate\": 1.0}");
        DispatchJob job = job("flux-dev", "{\"prompt\":\"lost in transit\"}");

        broker.dispatch(Messaging.WORK_IMAGE, job);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !sim.requestsOfJob(job.jobId()).isEmpty());
        sim.faults("{}");

        JobSubmitted submitted = broker.awaitEvent(JobSubmitted.class, job.jobId(), JobSubmitted::jobId);
        // the documented duplicate: fal enqueued the lost one too; the orchestrator keeps one and cancels the other
        List<JsonNode> requests = sim.requestsOfJob(job.jobId());
        assertThat(requests).hasSizeGreaterThanOrEqualTo(2);
        assertThat(requests.get(0).path("request_id").asString()).isEqualTo(submitted.falRequestId());
    }

    @Test
    void aJobForAModelTheCatalogDoesNotKnowGoesStraightToTheDeadLetterQueue() {
        double rejectedBefore = counter("unknown", "rejected");
        DispatchJob job = job("no-such-model", "{\"prompt\":\"anything\"}");

        broker.dispatch(Messaging.WORK_IMAGE, job);

        Message dead = broker.awaitDeadLetter(job.jobId().toString());
        assertThat(String.valueOf(dead.getMessageProperties().getHeaders().get("x-exception-message")))
                .contains("no-such-model");
        // not retried: a poison message is rejected once
        assertThat(counter("unknown", "rejected") - rejectedBefore).isEqualTo(1);
        assertThat(sim.requestsOfJob(job.jobId())).isEmpty();
    }

    @Test
    void aVideoJobOnTheImageQueueIsDeadLettered() {
        DispatchJob job = job("hailuo-02-text-to-video", "{\"prompt\":\"wrong queue\"}");

        broker.dispatch(Messaging.WORK_IMAGE, job);

        Message dead = broker.awaitDeadLetter(job.jobId().toString());
        assertThat(String.valueOf(dead.getMessageProperties().getHeaders().get("x-exception-message")))
                .contains("VIDEO job on the IMAGE worker's queue");
        assertThat(sim.requestsOfJob(job.jobId())).isEmpty();
    }

    @Test
    void anUnreadableMessageIsDeadLettered() {
        String marker = "garbage-" + UUID.randomUUID();

        broker.dispatchRaw(Messaging.WORK_IMAGE, ("{not json " + marker).getBytes(StandardCharsets.UTF_8));

        Message dead = broker.awaitDeadLetter(marker);
        assertThat(String.valueOf(dead.getMessageProperties().getHeaders().get("x-exception-message")))
                .contains("unreadable DispatchJob");
    }

    private double counter(String model, String outcome) {
        Counter counter = meters.find("darkroom.worker.submissions")
                .tag("model", model)
                .tag("outcome", outcome)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private static DispatchJob job(String model, String input) {
        return new DispatchJob(UUID.randomUUID(), UUID.randomUUID(), model, JSON.readTree(input), Instant.now());
    }
}
