package dev.darkroom.orchestrator.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkroom.orchestrator.OrchestratorIntegrationTest;
import dev.darkroom.orchestrator.OrchestratorTestSupport;
import dev.darkroom.support.fal.FalProperties;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The admin pricing check against fal-sim's pricing API, shaped like fal's. */
@OrchestratorIntegrationTest
class PricingCheckTest {

    @LocalServerPort
    int port;

    @Autowired
    RabbitTemplate rabbit;

    @Autowired
    FalProperties fal;

    OrchestratorTestSupport support;

    @BeforeEach
    void setUp() {
        support = new OrchestratorTestSupport(port, rabbit);
    }

    @AfterEach
    void restoreFalSimPrices() throws Exception {
        setFalSimPrice("{\"fal-ai/flux/dev\":{\"unit_price\":0.025,\"unit\":\"megapixels\"},"
                + "\"fal-ai/recraft/v3/text-to-image\":{\"unit_price\":0.04,\"unit\":\"images\"}}");
    }

    @Test
    void reportsTheModelsWhosePriceOrUnitDiffersFromFals() throws Exception {
        setFalSimPrice("{\"fal-ai/flux/dev\":{\"unit_price\":0.03,\"unit\":\"megapixels\"},"
                + "\"fal-ai/recraft/v3/text-to-image\":{\"unit_price\":0.04,\"unit\":\"megapixels\"}}");

        JsonNode report = support.admin("GET", "/v1/admin/catalog/pricing-check", null);

        assertThat(report.get("differences").asInt()).isEqualTo(2);
        JsonNode flux = model(report, "flux-dev");
        assertThat(flux.get("differences").toString()).isEqualTo("[\"price\"]");
        assertThat(flux.get("catalog_price_usd").decimalValue()).isEqualByComparingTo("0.025");
        assertThat(flux.get("fal_unit_price").decimalValue()).isEqualByComparingTo("0.03");
        assertThat(model(report, "recraft-v3").get("differences").toString()).isEqualTo("[\"unit\"]");
        assertThat(model(report, "hailuo-02-text-to-video").get("differences")).isEmpty();
        assertThat(model(report, "hailuo-02-text-to-video").get("fal_unit").asString())
                .isEqualTo("seconds");
    }

    private static JsonNode model(JsonNode report, String id) {
        for (JsonNode m : report.get("models")) {
            if (m.get("model").asString().equals(id)) {
                return m;
            }
        }
        throw new AssertionError("no " + id + " in " + report);
    }

    private void setFalSimPrice(String json) throws Exception {
        String sim = fal.queueUrl().substring(0, fal.queueUrl().length() - "/queue".length());
        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(sim + "/_sim/pricing"))
                                .header("Content-Type", "application/json")
                                .PUT(HttpRequest.BodyPublishers.ofString(json))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    }
}
