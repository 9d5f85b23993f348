package dev.darkroom.falsim.render;

import dev.darkroom.contracts.catalog.ModelSpec;
import dev.darkroom.contracts.catalog.OutputPlan;
import dev.darkroom.falsim.cdn.CdnStore;
import dev.darkroom.falsim.cdn.StoredFile;
import dev.darkroom.falsim.web.BaseUrl;
import java.io.IOException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders what a model would produce for an input, exactly as many and as large as {@link OutputPlan} says, puts
 * the files on the CDN (or inline as data URIs with {@code sync_mode}) and builds the model's output JSON.
 */
@Component
public class OutputRenderer {

    /** fal's seeds are not limited to 32 bits (its own webhook example carries 196619188014358660). */
    private static final long SEED_BOUND = Long.MAX_VALUE;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final CdnStore cdn;
    private final RenderProperties properties;
    private final ImageSource painter;
    private final JsonMapper json;

    OutputRenderer(CdnStore cdn, RenderProperties properties, ImageSource painter, JsonMapper json) {
        this.cdn = cdn;
        this.properties = properties;
        this.painter = painter;
        this.json = json;
    }

    /**
     * Renders the outputs; the images at {@code nsfwImages} come out as fal's safety checker leaves them (black,
     * flagged in {@code has_nsfw_concepts}) on the models that report it.
     */
    public RenderedOutput render(
            ModelSpec model, JsonNode input, BaseUrl base, Duration lifetime, double seconds, List<Integer> nsfwImages)
            throws IOException {
        OutputPlan plan = OutputPlan.of(model, input);
        OutputShape shape = OutputShape.of(model);
        JsonNode givenSeed = input.get("seed");
        long seed = givenSeed != null && givenSeed.isIntegralNumber()
                ? givenSeed.asLong()
                : ThreadLocalRandom.current().nextLong(SEED_BOUND);
        ObjectNode body;
        String summary;
        if (shape == OutputShape.VIDEO) {
            body = NODES.objectNode();
            body.set("video", video(plan.videoSeconds(), seed, base, lifetime));
            summary = "Generated a " + plan.videoSeconds() + " s video";
        } else {
            List<Integer> flagged = shape == OutputShape.UNO ? nsfwImages : List.of();
            body = images(shape, plan, input, seed, base, lifetime, seconds, flagged);
            summary = "Generated " + plan.count() + " image(s) of " + plan.dimensions();
        }
        return new RenderedOutput(body, json.writeValueAsBytes(body).length, summary);
    }

    private ObjectNode images(
            OutputShape shape,
            OutputPlan plan,
            JsonNode input,
            long seed,
            BaseUrl base,
            Duration lifetime,
            double seconds,
            List<Integer> flagged)
            throws IOException {
        String format = format(shape, input);
        boolean inline = input.path("sync_mode").asBoolean(false);
        int width = plan.dimensions().width();
        int height = plan.dimensions().height();
        ObjectNode body = NODES.objectNode();
        ArrayNode images = body.putArray("images");
        for (int i = 0; i < plan.count(); i++) {
            byte[] bytes = painter.paint(format, width, height, seed, i, flagged.contains(i));
            String contentType = contentType(format);
            String extension = "jpeg".equals(format) ? "jpg" : format;
            ObjectNode image = images.addObject();
            if (inline) {
                String name = cdn.newKey(extension);
                image.put(
                        "url",
                        "data:" + contentType + ";base64," + Base64.getEncoder().encodeToString(bytes));
                describe(
                        image,
                        shape,
                        width,
                        height,
                        contentType,
                        name.substring(name.lastIndexOf('/') + 1),
                        bytes.length);
            } else {
                StoredFile file = cdn.put(bytes, contentType, extension, lifetime, base);
                image.put("url", file.url());
                describe(image, shape, width, height, contentType, file.fileName(), file.size());
            }
        }
        if (shape == OutputShape.UNO || shape == OutputShape.FLUX_PRO) {
            body.putObject("timings").put("inference", seconds);
            body.put("seed", seed);
            ArrayNode nsfw = body.putArray("has_nsfw_concepts");
            for (int i = 0; i < plan.count(); i++) {
                nsfw.add(flagged.contains(i));
            }
            body.put("prompt", input.path("prompt").asString(""));
        } else if (shape == OutputShape.IDEOGRAM) {
            body.put("seed", seed);
        }
        return body;
    }

    private static void describe(
            ObjectNode image, OutputShape shape, int width, int height, String contentType, String name, long size) {
        if (shape == OutputShape.UNO || shape == OutputShape.FLUX_PRO) {
            image.put("width", width).put("height", height);
        }
        image.put("content_type", contentType);
        if (shape != OutputShape.FLUX_PRO) {
            image.put("file_name", name).put("file_size", size);
        }
    }

    private ObjectNode video(int seconds, long seed, BaseUrl base, Duration lifetime) {
        String key = cdn.newKey("") + "_output.mp4";
        StoredFile file = cdn.write(
                key, "video/mp4", lifetime, base, path -> VideoEncoder.encode(path, seconds, seed, properties));
        ObjectNode video = NODES.objectNode();
        video.put("url", file.url());
        video.put("content_type", file.contentType());
        video.put("file_name", "output.mp4");
        video.put("file_size", file.size());
        return video;
    }

    private static String format(OutputShape shape, JsonNode input) {
        return switch (shape) {
            case RECRAFT -> input.path("style").asString("").startsWith("vector_illustration") ? "svg" : "png";
            case IDEOGRAM -> "png";
            default -> "png".equals(input.path("output_format").asString("jpeg")) ? "png" : "jpeg";
        };
    }

    private static String contentType(String format) {
        return switch (format) {
            case "svg" -> "image/svg+xml";
            case "png" -> "image/png";
            default -> "image/jpeg";
        };
    }
}
