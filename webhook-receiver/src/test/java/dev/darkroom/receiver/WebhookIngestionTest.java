package dev.darkroom.receiver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.darkroom.contracts.messages.FalResultReceived;
import dev.darkroom.contracts.messages.JobCompleted;
import dev.darkroom.contracts.messages.JobFailed;
import dev.darkroom.contracts.messages.StoredOutput;
import dev.darkroom.contracts.messaging.Messaging;
import dev.darkroom.falclient.queue.FalSubmission;
import dev.darkroom.receiver.support.FakeOrchestrator.FakeJob;
import dev.darkroom.receiver.support.FalSimAdmin;
import dev.darkroom.storage.ObjectKeys;
import dev.darkroom.storage.StoredObject;
import dev.darkroom.support.amqp.ConfirmedPublisher;
import dev.darkroom.testsupport.FalSimServer;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.MessageListenerContainer;
import org.springframework.amqp.rabbit.listener.RabbitListenerEndpointRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.util.ReflectionTestUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class WebhookIngestionTest extends ReceiverIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Instant CREATED = Instant.parse("2026-03-15T10:00:00Z");

    @Autowired
    ConfirmedPublisher publisher;

    @Autowired
    RabbitTemplate rabbit;

    @Autowired
    RabbitListenerEndpointRegistry listeners;

    @Test
    void theResultConsumerFinishesTheResultInHandForTheConfiguredShutdownTimeout() {
        MessageListenerContainer container = listeners.getListenerContainer("fal-results");

        assertThat(ReflectionTestUtils.getField(container, "shutdownTimeout")).isEqualTo(50_000L);
    }

    @Test
    void anImageWebhookFromFalSimIsVerifiedRecordedAndItsOutputsStoredUnderTheJobsKeys() {
        FakeJob job =
                orchestrator.register(UUID.randomUUID(), CREATED, "flux-dev").requesting(2);
        ObjectNode input = input("a lighthouse at dusk").put("num_images", 2).put("output_format", "png");
        input.put("image_size", "landscape_4_3");
        FalSubmission submission = submit("fal-ai/flux/dev", input, webhookUrl(job.jobId()));

        JobCompleted completed = awaitCompletion(job);

        assertThat(completed.falRequestId()).isEqualTo(submission.requestId());
        assertThat(FalSimAdmin.webhookStatuses(submission.requestId())).containsExactly(200);
        assertThat(tap.published(job.jobId())).singleElement().satisfies(r -> {
            assertThat(r.source()).isEqualTo(FalResultReceived.Source.WEBHOOK);
            assertThat(r.status()).isEqualTo("OK");
            assertThat(r.falRequestId()).isEqualTo(submission.requestId());
        });
        JsonNode images = fal.result(submission.responseUrl()).body().path("images");
        assertThat(completed.outputs()).hasSize(2);
        for (int i = 0; i < 2; i++) {
            StoredOutput output = completed.outputs().get(i);
            String key = job.tenantId() + "/2026/03/" + job.jobId() + "/" + i + ".png";
            assertThat(output.objectKey())
                    .isEqualTo(key)
                    .isEqualTo(ObjectKeys.output(job.tenantId(), CREATED, job.jobId(), i, "png"));
            byte[] stored = stored(key);
            assertThat(stored)
                    .isEqualTo(FalSimAdmin.download(images.get(i).path("url").asString()));
            assertThat(output.index()).isEqualTo(i);
            assertThat(output.sha256()).isEqualTo(sha256Hex(stored));
            assertThat(output.bytes()).isEqualTo(stored.length);
            assertThat(output.contentType()).isEqualTo("image/png");
            assertThat(output.width()).isEqualTo(1024);
            assertThat(output.height()).isEqualTo(768);
            assertThat(output.durationSeconds()).isNull();
            StoredObject object = storage.stat(key);
            assertThat(object.contentType()).isEqualTo("image/png");
            assertThat(object.sha256Hex()).isEqualTo(output.sha256());
        }
    }

    @Test
    void inlineOutputsOfSyncModeAreDecodedCheckedAndStored() {
        FakeJob job = orchestrator.register(UUID.randomUUID(), CREATED, "flux-dev");
        ObjectNode input = input("a small square").put("sync_mode", true).put("output_format", "jpeg");
        input.putObject("image_size").put("width", 384).put("height", 256);
        submit("fal-ai/flux/dev", input, webhookUrl(job.jobId()));

        StoredOutput output = awaitCompletion(job).outputs().get(0);

        assertThat(tap.published(job.jobId())
                        .get(0)
                        .payload()
                        .path("images")
                        .get(0)
                        .path("url")
                        .asString())
                .startsWith("data:image/jpeg;base64,");
        assertThat(output.objectKey()).endsWith("/" + job.jobId() + "/0.jpg");
        assertThat(output.contentType()).isEqualTo("image/jpeg");
        assertThat(output.width()).isEqualTo(384);
        assertThat(output.height()).isEqualTo(256);
        assertThat(output.sha256()).isEqualTo(sha256Hex(stored(output.objectKey())));
    }

    @Test
    void aVideoWebhookStoresTheMp4WithItsDurationMeasured() {
        FakeJob job = orchestrator.register(UUID.randomUUID(), CREATED, "hailuo-02-text-to-video");
        submit(
                "fal-ai/minimax/hailuo-02/standard/text-to-video",
                input("waves on a beach").put("duration", "6"),
                webhookUrl(job.jobId()));

        JobCompleted completed = awaitCompletion(job);

        StoredOutput video = completed.outputs().get(0);
        assertThat(completed.outputs()).hasSize(1);
        assertThat(video.objectKey()).isEqualTo(job.tenantId() + "/2026/03/" + job.jobId() + "/0.mp4");
        assertThat(video.contentType()).isEqualTo("video/mp4");
        assertThat(video.durationSeconds()).isEqualByComparingTo(new BigDecimal("6"));
        assertThat(video.width()).isEqualTo(160);
        assertThat(video.height()).isEqualTo(96);
        byte[] stored = stored(video.objectKey());
        assertThat(video.bytes()).isEqualTo(stored.length);
        assertThat(video.sha256()).isEqualTo(sha256Hex(stored));
    }

    @Test
    void anErrorWebhookFailsTheJobWithFalsMessageAndDetail() {
        FakeJob job = orchestrator.register(UUID.randomUUID(), CREATED, "flux-dev");
        submit("fal-ai/flux/dev", input("a forbidden scene [sim:model_error]"), webhookUrl(job.jobId()));

        JobFailed failed = awaitFailure(job);

        assertThat(failed.error().code()).isEqualTo("content_policy_violation");
        assertThat(failed.error().message())
                .isEqualTo("The content could not be processed because it contained material flagged by a content"
                        + " checker.");
        assertThat(failed.error().falDetail().path("detail").get(0).path("type").asString())
                .isEqualTo("content_policy_violation");
        assertThat(objectsOf(job.tenantId(), job.jobId())).isEmpty();
    }

    @Test
    void aFlatRequestErrorKeepsFalsErrorTypeAsTheCode() {
        FakeJob job = orchestrator.register(UUID.randomUUID(), CREATED, "flux-dev");
        submit("fal-ai/flux/dev", input("a crash [sim:model_error=runner_server_error]"), webhookUrl(job.jobId()));

        JobFailed failed = awaitFailure(job);

        assertThat(failed.error().code()).isEqualTo("runner_server_error");
        assertThat(failed.error().message()).isEqualTo("Internal server error");
        assertThat(failed.error().falDetail().path("error_type").asString()).isEqualTo("runner_server_error");
    }

    @Test
    void aWebhookFalDeliversTwiceIsRecordedOnceAndStoredOnce() {
        FakeJob job = orchestrator.register(UUID.randomUUID(), CREATED, "flux-dev");
        FalSubmission submission =
                submit("fal-ai/flux/dev", input("twice [sim:duplicate_webhook]"), webhookUrl(job.jobId()));

        awaitCompletion(job);
        await().atMost(PATIENCE).until(() -> FalSimAdmin.webhookStatuses(submission.requestId()), s -> s.size() == 2);

        assertThat(FalSimAdmin.webhookStatuses(submission.requestId())).containsExactly(200, 200);
        assertThat(tap.published(job.jobId())).hasSize(1);
        assertThat(job.claimAnswers()).containsExactly(200);
        assertThat(objectsOf(job.tenantId(), job.jobId())).hasSize(1);
        assertThat(webhooks("duplicate")).isPositive();
    }

    @Test
    void aResultIngestedAgainAfterTheJobFinishedIsDroppedAtTheClaim() {
        FakeJob job =
                orchestrator.register(UUID.randomUUID(), CREATED, "flux-dev").requesting(2);
        submit("fal-ai/flux/dev", input("once is enough").put("num_images", 2), webhookUrl(job.jobId()));
        JobCompleted first = awaitCompletion(job);
        List<String> keys = objectsOf(job.tenantId(), job.jobId());
        double dropped = ingestions("dropped");

        // what a restarted receiver or the reconciler would feed in again
        FalResultReceived again = tap.published(job.jobId()).get(0);
        publisher.publish(Messaging.EVENTS_EXCHANGE, Messaging.FAL_RESULT_RECEIVED, again);

        await().atMost(PATIENCE).until(() -> ingestions("dropped") > dropped);
        assertThat(job.claimAnswers()).containsExactly(200, 409);
        await().during(Duration.ofMillis(500))
                .atMost(PATIENCE)
                .until(() -> job.completions().size() == 1);
        assertThat(objectsOf(job.tenantId(), job.jobId()))
                .containsExactlyInAnyOrderElementsOf(keys)
                .hasSize(2);
        assertThat(first.outputs()).extracting(StoredOutput::objectKey).containsExactlyInAnyOrderElementsOf(keys);
    }

    @Test
    void aResultWithoutPayloadIsFetchedFromFalsQueue() {
        FakeJob job = orchestrator.register(UUID.randomUUID(), CREATED, "flux-dev");
        FalSubmission submission =
                submit("fal-ai/flux/dev", input("lost in the post [sim:drop_webhook]"), webhookUrl(job.jobId()));
        job.submitted(submission.responseUrl());
        await().atMost(PATIENCE).until(() -> FalSimAdmin.state(submission.requestId()), "COMPLETED"::equals);

        publisher.publish(
                Messaging.EVENTS_EXCHANGE,
                Messaging.FAL_RESULT_RECEIVED,
                new FalResultReceived(
                        job.jobId(),
                        submission.requestId(),
                        "OK",
                        null,
                        null,
                        "Response payload is not JSON serializable. Use the queue endpoint to retrieve the response.",
                        FalResultReceived.Source.RECONCILER,
                        Instant.now()));

        StoredOutput output = awaitCompletion(job).outputs().get(0);
        String url = fal.result(submission.responseUrl())
                .body()
                .path("images")
                .get(0)
                .path("url")
                .asString();
        assertThat(stored(output.objectKey())).isEqualTo(FalSimAdmin.download(url));
    }

    @Test
    void anOutputOnAHostThatIsNotFalsCdnFailsTheJobWithoutDownloadingIt() {
        FakeJob job = orchestrator.register(UUID.randomUUID(), CREATED, "flux-dev");
        ObjectNode payload = json.createObjectNode();
        payload.putArray("images").addObject().put("url", "http://169.254.169.254/latest/meta-data/");

        publisher.publish(
                Messaging.EVENTS_EXCHANGE,
                Messaging.FAL_RESULT_RECEIVED,
                new FalResultReceived(
                        job.jobId(),
                        "req-" + UUID.randomUUID(),
                        "OK",
                        payload,
                        null,
                        null,
                        FalResultReceived.Source.RECONCILER,
                        Instant.now()));

        JobFailed failed = awaitFailure(job);
        assertThat(failed.error().code()).isEqualTo("output_download_failed");
        assertThat(failed.error().message()).contains("169.254.169.254").contains("not a fal CDN host");
    }

    @Test
    void aResultForAJobTheOrchestratorDoesNotKnowIsDropped() {
        double dropped = ingestions("dropped");
        ObjectNode payload = json.createObjectNode();
        payload.putArray("images").addObject().put("url", FalSimServer.shared().cdnUrl() + "/files/none.png");

        publisher.publish(
                Messaging.EVENTS_EXCHANGE,
                Messaging.FAL_RESULT_RECEIVED,
                new FalResultReceived(
                        UUID.randomUUID(),
                        "req-unknown",
                        "OK",
                        payload,
                        null,
                        null,
                        FalResultReceived.Source.RECONCILER,
                        Instant.now()));

        await().atMost(PATIENCE).until(() -> ingestions("dropped") > dropped);
    }

    @Test
    void aResultThatCanNeverBeIngestedGoesStraightToTheDeadLetterQueue() {
        FakeJob job = orchestrator.register(UUID.randomUUID(), CREATED, "a-model-this-catalog-lacks");
        FalResultReceived result = new FalResultReceived(
                job.jobId(),
                "req-poison",
                "ERROR",
                null,
                "boom",
                null,
                FalResultReceived.Source.RECONCILER,
                Instant.now());

        publisher.publish(Messaging.EVENTS_EXCHANGE, Messaging.FAL_RESULT_RECEIVED, result);

        await().atMost(PATIENCE).until(() -> deadLettered(job.jobId()));
        assertThat(job.claimAnswers()).as("claimed once, never retried").containsExactly(200);
        assertThat(job.failures()).isEmpty();
    }

    private JobCompleted awaitCompletion(FakeJob job) {
        await().atMost(PATIENCE)
                .until(() -> !job.completions().isEmpty() || !job.failures().isEmpty());
        assertThat(job.failures()).as("failures").isEmpty();
        return job.completions().get(0);
    }

    private boolean deadLettered(UUID jobId) {
        Object message;
        while ((message = rabbit.receiveAndConvert(Messaging.deadLetterQueue(Messaging.FAL_RESULTS_QUEUE))) != null) {
            if (message instanceof FalResultReceived r && r.jobId().equals(jobId)) {
                return true;
            }
        }
        return false;
    }

    private JobFailed awaitFailure(FakeJob job) {
        await().atMost(PATIENCE)
                .until(() -> !job.completions().isEmpty() || !job.failures().isEmpty());
        assertThat(job.completions()).as("completions").isEmpty();
        return job.failures().get(0);
    }
}
