package dev.darkroom.receiver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.darkroom.contracts.messages.JobFailed;
import dev.darkroom.receiver.support.FakeOrchestrator.FakeJob;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.node.ObjectNode;

@TestPropertySource(properties = "darkroom.receiver.max-image-size=1KB")
class OutputLimitsTest extends ReceiverIntegrationTest {

    @Test
    void anImageLargerThanTheCapFailsTheJobAsInvalidAndStoresNothing() {
        FakeJob job = orchestrator.register(UUID.randomUUID(), Instant.now(), "flux-dev");
        submit("fal-ai/flux/dev", input("far too detailed").put("num_images", 2), webhookUrl(job.jobId()));

        JobFailed failed = awaitFailure(job);

        assertThat(failed.error().code()).isEqualTo("output_invalid");
        assertThat(failed.error().message()).isEqualTo("output 0 is larger than the limit of 1 KB");
        assertThat(objectsOf(job.tenantId(), job.jobId())).isEmpty();
    }

    @Test
    void anInlineImageLargerThanTheCapIsRefusedBeforeItIsDecoded() {
        FakeJob job = orchestrator.register(UUID.randomUUID(), Instant.now(), "flux-dev");
        ObjectNode input = input("inline and too large").put("sync_mode", true);
        input.putObject("image_size").put("width", 256).put("height", 256);
        submit("fal-ai/flux/dev", input, webhookUrl(job.jobId()));

        JobFailed failed = awaitFailure(job);

        assertThat(failed.error().code()).isEqualTo("output_invalid");
        assertThat(failed.error().message()).contains("larger than the limit of 1 KB");
        assertThat(objectsOf(job.tenantId(), job.jobId())).isEmpty();
    }

    private JobFailed awaitFailure(FakeJob job) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !job.failures().isEmpty() || !job.completions().isEmpty());
        assertThat(job.completions()).isEmpty();
        return job.failures().get(0);
    }
}
