package dev.darkroom.falsim.queue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkroom.falsim.SimClient.Response;
import dev.darkroom.falsim.SimTestBase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** By default fal validates in the runner: the submit is accepted and the request completes with the 422. */
class ValidationTest extends SimTestBase {

    private JsonNode failedResult(String endpoint, String body) {
        Response submit = sim.submit(endpoint, body);
        assertThat(submit.status()).isEqualTo(200);
        JsonNode status = sim.awaitCompleted(submit.json());
        assertThat(status.get("error").asString()).isNotBlank();
        Response result = sim.get(submit.json().get("response_url").asString());
        assertThat(result.status()).isEqualTo(422);
        return result.json().get("detail");
    }

    @Test
    void aMissingPromptIsReportedAsPydanticsMissingField() {
        JsonNode detail = failedResult("fal-ai/flux/dev", "{\"num_images\":1}");

        assertThat(detail).hasSize(1);
        assertThat(detail.get(0).get("loc").toString()).isEqualTo("[\"body\",\"prompt\"]");
        assertThat(detail.get(0).get("type").asString()).isEqualTo("missing");
        assertThat(detail.get(0).get("msg").asString()).isEqualTo("Field required");
        assertThat(detail.get(0).get("input").get("num_images").asInt()).isEqualTo(1);
    }

    @Test
    void eachBrokenRuleGetsOneItemWithPydanticsTypeAndContext() {
        JsonNode detail = failedResult(
                "fal-ai/flux/dev",
                "{\"prompt\":5,\"num_images\":9,\"num_inference_steps\":0,\"output_format\":\"gif\","
                        + "\"image_size\":\"huge\"}");

        assertThat(detail).hasSize(5);
        assertThat(item(detail, "prompt").get("type").asString()).isEqualTo("string_type");
        JsonNode tooMany = item(detail, "num_images");
        assertThat(tooMany.get("type").asString()).isEqualTo("less_than_equal");
        assertThat(tooMany.get("msg").asString()).isEqualTo("Input should be less than or equal to 4");
        assertThat(tooMany.get("ctx").get("le").asInt()).isEqualTo(4);
        assertThat(tooMany.get("input").asInt()).isEqualTo(9);
        assertThat(item(detail, "num_inference_steps").get("type").asString()).isEqualTo("greater_than_equal");
        JsonNode format = item(detail, "output_format");
        assertThat(format.get("type").asString()).isEqualTo("literal_error");
        assertThat(format.get("msg").asString()).isEqualTo("Input should be 'jpeg' or 'png'");
        assertThat(item(detail, "image_size").get("type").asString()).isEqualTo("literal_error");
    }

    @Test
    void nestedLocationsReachIntoObjectsAndLists() {
        JsonNode size =
                failedResult("fal-ai/flux/dev", "{\"prompt\":\"x\",\"image_size\":{\"width\":100,\"height\":512}}");
        JsonNode loras = failedResult(
                "fal-ai/flux-lora",
                "{\"prompt\":\"x\",\"loras\":[{\"path\":\"a\"},{\"path\":\"b\"},{\"path\":\"c\"},{\"scale\":1}]}");

        assertThat(size).hasSize(1);
        assertThat(size.get(0).get("loc").toString()).isEqualTo("[\"body\",\"image_size\",\"width\"]");
        assertThat(size.get(0).get("type").asString()).isEqualTo("greater_than_equal");
        assertThat(loras.toString()).contains("\"too_long\"");
        assertThat(loras.toString()).contains("[\"body\",\"loras\",3,\"path\"]");
    }

    @Test
    void hailuosDurationMustBeOneOfItsStringLiterals() {
        JsonNode detail = failedResult(
                "fal-ai/minimax/hailuo-02/standard/image-to-video",
                "{\"prompt\":\"x\",\"image_url\":\"https://example.com/a.png\",\"duration\":6}");

        assertThat(detail).hasSize(1);
        assertThat(detail.get(0).get("type").asString()).isEqualTo("literal_error");
        assertThat(detail.get(0).get("msg").asString()).isEqualTo("Input should be '6' or '10'");
    }

    private static JsonNode item(JsonNode detail, String field) {
        for (JsonNode item : detail) {
            if (item.get("loc").get(1).asString().equals(field)) {
                return item;
            }
        }
        throw new AssertionError("no error for " + field + " in " + detail);
    }
}
