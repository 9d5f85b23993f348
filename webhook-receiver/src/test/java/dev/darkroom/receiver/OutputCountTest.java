package dev.darkroom.receiver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.darkroom.contracts.messages.JobCompleted;
import dev.darkroom.receiver.support.FakeOrchestrator.FakeJob;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OutputCountTest extends ReceiverIntegrationTest {

    @Test
    void aResultWithMoreOutputsThanTheJobAskedForStoresOnlyTheRequestedNumber() {
        FakeJob job = orchestrator
                .register(UUID.randomUUID(), Instant.now(), "flux-dev")
                .requesting(1);
        // fal (here fal-sim, asked directly) returns three images for a job that ordered one
        submit("fal-ai/flux/dev", input("three cats").put("num_images", 3), webhookUrl(job.jobId()));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> !job.completions().isEmpty() || !job.failures().isEmpty());

        assertThat(job.failures()).isEmpty();
        JobCompleted completed = job.completions().get(0);
        assertThat(completed.outputs()).hasSize(1);
        assertThat(objectsOf(job.tenantId(), job.jobId())).hasSize(1);
    }
}
