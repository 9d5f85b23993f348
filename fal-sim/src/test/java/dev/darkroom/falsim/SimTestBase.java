package dev.darkroom.falsim;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The simulator on a random port with fast timings. Subclasses share one context; each test starts from
 * {@code /_sim/reset}.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=fal-sim",
            "fal-sim.queue.image-model-time=100ms",
            "fal-sim.queue.video-model-time=150ms",
            "fal-sim.queue.stream-ping-interval=200ms",
            "fal-sim.webhooks.retry-delays=100ms,200ms",
            "fal-sim.webhooks.timeout=2s",
            "fal-sim.webhooks.reorder-max-hold=2s",
            "fal-sim.faults.webhook-delay-min=300ms",
            "fal-sim.faults.webhook-delay-max=400ms",
            "fal-sim.auth.locked-keys=locked-id:locked-secret"
        })
public abstract class SimTestBase {

    @LocalServerPort
    protected int port;

    protected SimClient sim;

    @BeforeEach
    void resetSimulator() {
        sim = new SimClient(port);
        sim.reset();
    }
}
