package dev.darkroom.falsim.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkroom.falsim.SimClient.Response;
import dev.darkroom.falsim.SimTestBase;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** fal's safety checker: HTTP 200, the flagged image black, {@code has_nsfw_concepts[i] = true}. */
class FlaggedOutputsTest extends SimTestBase {

    private JsonNode result(String endpoint, String input) {
        JsonNode submitted = sim.submit(endpoint, input).json();
        JsonNode status = sim.awaitCompleted(submitted);
        assertThat(status.has("error")).isFalse();
        Response result = sim.get(submitted.get("response_url").asString());
        assertThat(result.status()).isEqualTo(200);
        return result.json();
    }

    private boolean black(JsonNode file) throws IOException {
        Response response = sim.send("GET", file.get("url").asString(), null, false);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(response.body()));
        assertThat(image.getWidth()).isEqualTo(file.get("width").asInt());
        for (int y = 0; y < image.getHeight(); y += 7) {
            for (int x = 0; x < image.getWidth(); x += 7) {
                if ((image.getRGB(x, y) & 0xFFFFFF) != 0) {
                    return false;
                }
            }
        }
        return true;
    }

    @Test
    void theNsfwTokenFlagsTheFirstImageAndBlacksItOut() throws IOException {
        JsonNode output = result(
                "fal-ai/flux/dev",
                "{\"prompt\":\"a beach [sim:nsfw]\",\"num_images\":2,\"image_size\":\"square\",\"output_format\":\"png\"}");

        assertThat(output.get("has_nsfw_concepts").toString()).isEqualTo("[true,false]");
        assertThat(black(output.at("/images/0"))).isTrue();
        assertThat(black(output.at("/images/1"))).isFalse();
    }

    @Test
    void nsfwAllFlagsEveryImageOfSd35AndHiDream() throws IOException {
        for (String endpoint : new String[] {"fal-ai/stable-diffusion-v35-large", "fal-ai/hidream-i1-full"}) {
            JsonNode output =
                    result(endpoint, "{\"prompt\":\"[sim:nsfw=all] x\",\"num_images\":3,\"image_size\":\"square\"}");

            assertThat(output.get("has_nsfw_concepts").toString()).as(endpoint).isEqualTo("[true,true,true]");
            assertThat(black(output.at("/images/2"))).as(endpoint).isTrue();
        }
    }

    @Test
    void theNsfwRateFlagsThatShareOfAllImages() {
        sim.faults("{\"seed\":7,\"nsfw_rate\":1}");
        JsonNode all = result("fal-ai/flux/dev", "{\"prompt\":\"p\",\"num_images\":2,\"image_size\":\"square\"}");
        sim.faults("{\"seed\":7,\"nsfw_rate\":0.5}");
        int flagged = 0;
        for (int i = 0; i < 10; i++) {
            JsonNode output =
                    result("fal-ai/flux/dev", "{\"prompt\":\"p\",\"num_images\":4,\"image_size\":\"square\"}");
            for (JsonNode flag : output.get("has_nsfw_concepts")) {
                flagged += flag.asBoolean() ? 1 : 0;
            }
        }

        assertThat(all.get("has_nsfw_concepts").toString()).isEqualTo("[true,true]");
        assertThat(flagged).isBetween(8, 32);
    }

    @Test
    void modelsWithoutTheFlagIgnoreTheToken() {
        JsonNode output = result("fal-ai/flux-pro/v1.1", "{\"prompt\":\"[sim:nsfw]\",\"image_size\":\"square\"}");

        assertThat(output.has("has_nsfw_concepts")).isTrue();
        assertThat(output.get("has_nsfw_concepts").toString()).isEqualTo("[false]");
    }
}
