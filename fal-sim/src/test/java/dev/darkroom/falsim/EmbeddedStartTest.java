package dev.darkroom.falsim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

class EmbeddedStartTest {

    @Test
    void startRunsTheSimulatorInThisJvmOnAFreePortWithTheGivenProperties() {
        try (ConfigurableApplicationContext context = FalSimApplication.start(
                Map.of("fal-sim.public-url", "http://fal-sim.test:9999/", "fal-sim.queue.image-model-time", "50ms"))) {
            int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            SimClient sim = new SimClient(port);

            assertThat(port).isPositive().isNotEqualTo(8090);
            assertThat(sim.send("GET", "/actuator/health", null, false)
                            .json()
                            .get("status")
                            .asString())
                    .isEqualTo("UP");
            assertThat(sim.submit("fal-ai/flux/dev", "{\"prompt\":\"x\"}")
                            .json()
                            .get("status_url")
                            .asString())
                    .startsWith("http://fal-sim.test:9999/queue/fal-ai/flux/requests/");
            assertThat(context.getEnvironment().getProperty("server.forward-headers-strategy"))
                    .as("fal-sim.yml is read")
                    .isEqualTo("framework");
        }
    }
}
