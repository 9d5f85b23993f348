package dev.darkroom.receiver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.darkroom.contracts.messages.FalResultReceived;
import dev.darkroom.contracts.messages.JobCompleted;
import dev.darkroom.falclient.queue.FalSubmission;
import dev.darkroom.receiver.support.FakeOrchestrator.FakeJob;
import dev.darkroom.receiver.support.FalSimAdmin;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Webhooks as fal sends them when its side misbehaves: no payload, or the request retried on new runners. */
class FalSideWebhookTest extends ReceiverIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Instant CREATED = Instant.parse("2026-03-15T10:00:00Z");

    @Test
    void aWebhookWithAPayloadErrorMakesTheReceiverFetchTheResultFromFalsResponseUrl() {
        FakeJob job = orchestrator.register(UUID.randomUUID(), CREATED, "flux-dev");
        FalSubmission submission = submit(
                "fal-ai/flux/dev",
                input("too big to send [sim:payload_error]").put("num_images", 2),
                webhookUrl(job.jobId()));
        job.submitted(submission.responseUrl());

        JobCompleted completed = awaitCompletion(job);

        assertThat(tap.published(job.jobId())).singleElement().satisfies(r -> {
            assertThat(r.source()).isEqualTo(FalResultReceived.Source.WEBHOOK);
            assertThat(r.payload() == null || r.payload().isNull()).isTrue();
            assertThat(r.payloadError()).startsWith("Response payload is not JSON serializable");
        });
        assertThat(completed.outputs()).hasSize(2);
        for (int i = 0; i < 2; i++) {
            String url = fal.result(submission.responseUrl())
                    .body()
                    .path("images")
                    .get(i)
                    .path("url")
                    .asString();
            assertThat(stored(completed.outputs().get(i).objectKey())).isEqualTo(FalSimAdmin.download(url));
        }
    }

    @Test
    void aRequestFalRetriedOnNewRunnersCompletesTheJobUnderItsQueueRequestId() {
        FakeJob job = orchestrator.register(UUID.randomUUID(), CREATED, "flux-dev");
        FalSubmission submission =
                submit("fal-ai/flux/dev", input("flaky runners [sim:fal_retry=3]"), webhookUrl(job.jobId()));

        JobCompleted completed = awaitCompletion(job);

        assertThat(completed.falRequestId()).isEqualTo(submission.requestId());
        assertThat(job.claimAnswers()).containsExactly(200);
        assertThat(completed.outputs()).hasSize(1);
    }

    private JobCompleted awaitCompletion(FakeJob job) {
        await().atMost(PATIENCE)
                .until(() -> !job.completions().isEmpty() || !job.failures().isEmpty());
        assertThat(job.failures()).as("failures").isEmpty();
        return job.completions().get(0);
    }
}
