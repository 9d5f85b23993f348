package dev.darkroom.falclient.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkroom.falclient.FalClient;
import dev.darkroom.falclient.FalClientConfig;
import dev.darkroom.falclient.support.Sim;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** fal's pricing API as fal-sim serves it. */
class FalPricingTest {

    static Sim sim;

    @BeforeAll
    static void startSim() {
        sim = new Sim();
    }

    @AfterAll
    static void stopSim() {
        sim.close();
    }

    @Test
    void readsThePricesOfManyEndpointsInBatchesOfFifty() {
        FalClient fal = new FalClient(FalClientConfig.builder()
                .simulator(sim.baseUrl())
                .apiKey(Sim.KEY)
                .requestTimeout(Duration.ofSeconds(10))
                .build());
        List<String> endpoints = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            endpoints.add("fal-ai/unknown-" + i);
        }
        endpoints.add("fal-ai/flux/dev");

        List<FalPrice> prices = fal.prices(endpoints);

        assertThat(prices).singleElement().satisfies(p -> {
            assertThat(p.endpointId()).isEqualTo("fal-ai/flux/dev");
            assertThat(p.unitPrice()).isEqualByComparingTo("0.025");
            assertThat(p.unit()).isEqualTo("megapixels");
            assertThat(p.currency()).isEqualTo("USD");
        });
    }
}
