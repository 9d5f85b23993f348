package dev.darkroom.falsim.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkroom.falsim.SimTestBase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class PricingTest extends SimTestBase {

    @Test
    void servesTheCatalogsPricesInFalsShape() {
        JsonNode body = sim.get("/api/v1/models/pricing?endpoint_id=fal-ai/flux/dev,fal-ai/recraft/v3/text-to-image"
                        + "&endpoint_id=fal-ai/nope")
                .json();

        assertThat(body.get("prices")).hasSize(2);
        JsonNode flux = body.at("/prices/0");
        assertThat(flux.get("endpoint_id").asString()).isEqualTo("fal-ai/flux/dev");
        assertThat(flux.get("unit_price").decimalValue()).isEqualByComparingTo("0.025");
        assertThat(flux.get("unit").asString()).isEqualTo("megapixels");
        assertThat(flux.get("currency").asString()).isEqualTo("USD");
        assertThat(body.at("/prices/1/unit").asString()).isEqualTo("images");
        assertThat(body.get("has_more").asBoolean()).isFalse();
    }

    @Test
    void aTestMayChangeAPriceUntilTheNextReset() {
        sim.send("PUT", "/_sim/pricing", "{\"fal-ai/flux/dev\":{\"unit_price\":0.03,\"unit\":\"megapixels\"}}", false);

        assertThat(price()).isEqualByComparingTo("0.03");
        sim.reset();
        assertThat(price()).isEqualByComparingTo("0.025");
    }

    @Test
    void needsTheKey() {
        assertThat(sim.send("GET", "/api/v1/models/pricing?endpoint_id=fal-ai/flux/dev", null, false)
                        .status())
                .isEqualTo(401);
    }

    private java.math.BigDecimal price() {
        return sim.get("/api/v1/models/pricing?endpoint_id=fal-ai/flux/dev")
                .json()
                .at("/prices/0/unit_price")
                .decimalValue();
    }
}
