package dev.darkroom.falsim.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkroom.falsim.Mp4;
import dev.darkroom.falsim.SimClient.Response;
import dev.darkroom.falsim.SimTestBase;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Every model family's output: real files of the planned size and format, in fal's JSON shapes. */
class OutputsTest extends SimTestBase {

    private JsonNode result(String endpoint, String input) {
        JsonNode submitted = sim.submit(endpoint, input).json();
        sim.awaitCompleted(submitted);
        Response result = sim.get(submitted.get("response_url").asString());
        assertThat(result.status()).as(result.text()).isEqualTo(200);
        return result.json();
    }

    private Response download(JsonNode file) {
        Response response = sim.send("GET", file.get("url").asString(), null, false);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type"))
                .isEqualTo(file.get("content_type").asString());
        assertThat(response.header("Content-Length")).isEqualTo(String.valueOf(response.body().length));
        return response;
    }

    private static BufferedImage image(Response response) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(response.body()));
    }

    @Test
    void fluxDevRendersACustomSizePngInTheUnoOutputShape() throws IOException {
        JsonNode output = result(
                "fal-ai/flux/dev",
                "{\"prompt\":\"a fox\",\"image_size\":{\"width\":320,\"height\":256},\"output_format\":\"png\","
                        + "\"num_images\":2,\"seed\":11}");

        assertThat(output.get("images")).hasSize(2);
        JsonNode first = output.get("images").get(0);
        assertThat(first.get("width").asInt()).isEqualTo(320);
        assertThat(first.get("height").asInt()).isEqualTo(256);
        assertThat(first.get("content_type").asString()).isEqualTo("image/png");
        assertThat(first.get("file_name").asString()).endsWith(".png");
        Response file = download(first);
        assertThat(first.get("file_size").asLong()).isEqualTo(file.body().length);
        BufferedImage png = image(file);
        assertThat(png.getWidth()).isEqualTo(320);
        assertThat(png.getHeight()).isEqualTo(256);
        assertThat(output.get("seed").asLong()).isEqualTo(11);
        assertThat(output.get("prompt").asString()).isEqualTo("a fox");
        assertThat(output.get("has_nsfw_concepts").toString()).isEqualTo("[false,false]");
        assertThat(output.get("timings").get("inference").asDouble()).isPositive();
        assertThat(download(output.get("images").get(1)).body()).isNotEqualTo(file.body());
    }

    @Test
    void presetSizesAndTheJpegDefaultFollowTheCatalog() throws IOException {
        JsonNode output = result("fal-ai/flux/dev", "{\"prompt\":\"x\",\"image_size\":\"portrait_16_9\"}");

        JsonNode image = output.get("images").get(0);
        assertThat(image.get("content_type").asString()).isEqualTo("image/jpeg");
        BufferedImage jpeg = image(download(image));
        assertThat(jpeg.getWidth()).isEqualTo(576);
        assertThat(jpeg.getHeight()).isEqualTo(1024);
    }

    @Test
    void fluxProUltraUsesItsAspectRatioTableAndTheProOutputShape() throws IOException {
        JsonNode output = result("fal-ai/flux-pro/v1.1-ultra", "{\"prompt\":\"wide\",\"aspect_ratio\":\"21:9\"}");

        JsonNode image = output.get("images").get(0);
        assertThat(image.propertyNames()).containsExactly("url", "width", "height", "content_type");
        assertThat(image.get("width").asInt()).isEqualTo(3136);
        BufferedImage jpeg = image(download(image));
        assertThat(jpeg.getWidth()).isEqualTo(3136);
        assertThat(jpeg.getHeight()).isEqualTo(1344);
        assertThat(output.has("seed")).isTrue();
    }

    @Test
    void recraftVectorStylesReturnSvgWithTheirSize() {
        JsonNode output = result(
                "fal-ai/recraft/v3/text-to-image", "{\"prompt\":\"logo\",\"style\":\"vector_illustration/line_art\"}");

        assertThat(output.propertyNames()).containsExactly("images");
        JsonNode image = output.get("images").get(0);
        assertThat(image.propertyNames()).containsExactly("url", "content_type", "file_name", "file_size");
        assertThat(image.get("content_type").asString()).isEqualTo("image/svg+xml");
        String svg = new String(download(image).body(), StandardCharsets.UTF_8);
        assertThat(svg).startsWith("<svg").contains("width=\"1024\"").contains("height=\"1024\"");
    }

    @Test
    void recraftRasterStylesReturnPng() {
        JsonNode image = result("fal-ai/recraft/v3/text-to-image", "{\"prompt\":\"photo\"}")
                .get("images")
                .get(0);

        assertThat(image.get("content_type").asString()).isEqualTo("image/png");
    }

    @Test
    void ideogramReturnsFilesAndTheSeed() throws IOException {
        JsonNode output = result("fal-ai/ideogram/v2", "{\"prompt\":\"poster\",\"aspect_ratio\":\"3:1\"}");

        assertThat(output.propertyNames()).containsExactly("images", "seed");
        BufferedImage png = image(download(output.get("images").get(0)));
        assertThat(png.getWidth()).isEqualTo(1536);
        assertThat(png.getHeight()).isEqualTo(512);
    }

    @Test
    void theSameSeedAndInputRenderTheSameBytesAndNoSeedPicksOne() {
        String input = "{\"prompt\":\"same\",\"image_size\":\"square\",\"seed\":1234}";
        byte[] first =
                download(result("fal-ai/flux/dev", input).at("/images/0")).body();
        byte[] again =
                download(result("fal-ai/flux/dev", input).at("/images/0")).body();
        byte[] otherSeed = download(
                        result("fal-ai/flux/dev", input.replace("1234", "1235")).at("/images/0"))
                .body();
        JsonNode unseeded = result("fal-ai/flux/dev", "{\"prompt\":\"same\",\"image_size\":\"square\"}");

        assertThat(again).isEqualTo(first);
        assertThat(otherSeed).isNotEqualTo(first);
        assertThat(unseeded.get("seed").asLong()).isNotNegative();
    }

    @Test
    void hailuoRendersAnMp4OfTheRequestedDuration() {
        JsonNode output = result(
                "fal-ai/minimax/hailuo-02/standard/image-to-video",
                "{\"prompt\":\"pan\",\"image_url\":\"https://example.com/a.png\",\"duration\":\"10\"}");

        assertThat(output.propertyNames()).containsExactly("video");
        JsonNode video = output.get("video");
        assertThat(video.get("content_type").asString()).isEqualTo("video/mp4");
        assertThat(video.get("file_name").asString()).isEqualTo("output.mp4");
        byte[] mp4 = download(video).body();
        assertThat(video.get("file_size").asLong()).isEqualTo(mp4.length);
        assertThat(Mp4.topLevelBoxes(mp4)).contains("ftyp", "moov", "mdat");
        assertThat(Mp4.durationSeconds(mp4)).isEqualTo(10.0);
    }

    @Test
    void cdnFilesServeByteRanges() {
        JsonNode image = result("fal-ai/flux/dev", "{\"prompt\":\"ranges\",\"image_size\":\"square\"}")
                .at("/images/0");
        byte[] whole = download(image).body();

        Response part = sim.send("GET", image.get("url").asString(), null, false, "Range", "bytes=0-99");

        assertThat(part.status()).isEqualTo(206);
        assertThat(part.body()).isEqualTo(java.util.Arrays.copyOf(whole, 100));
    }
}
