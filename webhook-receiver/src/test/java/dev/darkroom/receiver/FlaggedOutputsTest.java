package dev.darkroom.receiver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.darkroom.contracts.messages.JobCompleted;
import dev.darkroom.contracts.messages.JobFailed;
import dev.darkroom.contracts.messages.StoredOutput;
import dev.darkroom.receiver.support.FakeOrchestrator.FakeJob;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** The tenant's nsfw_policy on a fal-sim result with one flagged image of two. */
class FlaggedOutputsTest extends ReceiverIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Instant CREATED = Instant.parse("2026-03-15T10:00:00Z");

    private FakeJob oneFlaggedOfTwo(String policy) {
        FakeJob job = orchestrator
                .register(UUID.randomUUID(), CREATED, "flux-dev")
                .nsfwPolicy(policy)
                .requesting(2);
        ObjectNode input = input("a beach [sim:nsfw]").put("num_images", 2).put("output_format", "png");
        input.put("image_size", "square");
        submit("fal-ai/flux/dev", input, webhookUrl(job.jobId()));
        await().atMost(PATIENCE)
                .until(() -> !job.completions().isEmpty() || !job.failures().isEmpty());
        return job;
    }

    @Test
    void deliverKeepsTheFlaggedImageAndMarksIt() {
        FakeJob job = oneFlaggedOfTwo("deliver");

        JobCompleted completed = job.completions().get(0);
        assertThat(completed.outputs()).extracting(StoredOutput::nsfw).containsExactly(true, false);
        assertThat(objectsOf(job.tenantId(), job.jobId())).hasSize(2);
    }

    @Test
    void dropStoresOnlyTheCleanImage() {
        FakeJob job = oneFlaggedOfTwo("drop");

        JobCompleted completed = job.completions().get(0);
        assertThat(completed.outputs()).singleElement().satisfies(o -> {
            assertThat(o.nsfw()).isFalse();
            assertThat(o.index()).isZero();
        });
        assertThat(objectsOf(job.tenantId(), job.jobId())).hasSize(1);
    }

    @Test
    void noPolicyMeansDrop() {
        FakeJob job = oneFlaggedOfTwo(null);

        assertThat(job.completions().get(0).outputs()).hasSize(1);
    }

    @Test
    void failFailsTheJobWithContentFlaggedAndStoresNothing() {
        FakeJob job = oneFlaggedOfTwo("fail");

        assertThat(job.completions()).isEmpty();
        JobFailed failed = job.failures().get(0);
        assertThat(failed.error().code()).isEqualTo("content_flagged");
        assertThat(failed.error().message()).contains("flagged 1 of 2");
        assertThat(objectsOf(job.tenantId(), job.jobId())).isEmpty();
    }

    @Test
    void dropWithEveryImageFlaggedFailsTheJob() {
        FakeJob job =
                orchestrator.register(UUID.randomUUID(), CREATED, "flux-dev").requesting(2);
        submit("fal-ai/flux/dev", input("[sim:nsfw=all]").put("num_images", 2), webhookUrl(job.jobId()));
        await().atMost(PATIENCE)
                .until(() -> !job.failures().isEmpty() || !job.completions().isEmpty());

        assertThat(job.failures())
                .singleElement()
                .satisfies(f -> assertThat(f.error().code()).isEqualTo("content_flagged"));
        assertThat(objectsOf(job.tenantId(), job.jobId())).isEmpty();
    }
}
