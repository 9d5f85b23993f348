package dev.darkroom.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM while work is in flight: a stopping service stops taking work, finishes or hands back what it holds, and
 * exits by itself in time (143, not a forced kill); nothing it held is lost.
 */
class GracefulShutdownEndToEndTest {

    @Test
    void servicesStoppedWithSigtermWhileJobsRunLoseNothing() throws Exception {
        Platform platform = SharedPlatform.get();
        Api api = new Api(platform.gatewayUrl());
        Api.Tenant tenant = api.aTenant();
        List<String> jobs = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            jobs.add(api.submit(
                            tenant.key(),
                            Map.of("model", "flux-dev", "input", Map.of("prompt", "slow " + i + " [sim:slow=3s]")))
                    .body()
                    .get("id")
                    .asString());
        }

        for (String service : List.of("orchestrator", "webhook-receiver", "worker-image")) {
            ServiceProcess p = platform.service(service);
            long started = System.nanoTime();
            int exit = p.stop();
            long tookMs = (System.nanoTime() - started) / 1_000_000;
            System.out.printf("graceful stop: %s exited %d after %d ms%n", service, exit, tookMs);
            assertThat(exit)
                    .as("%s exits by itself on SIGTERM, not killed after the grace period", service)
                    .isIn(0, 143);
            assertThat(Files.readString(p.log()))
                    .containsAnyOf("Graceful shutdown complete", "Waiting for workers to finish");
            p.start();
            p.awaitReady(Duration.ofMinutes(3));
        }

        for (String id : jobs) {
            assertThat(api.awaitStatus(tenant.key(), id, Duration.ofSeconds(120), "succeeded", "failed")
                            .get("status")
                            .asString())
                    .isEqualTo("succeeded");
        }
    }
}
