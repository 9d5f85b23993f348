package dev.darkroom.contracts.catalog;

import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * What fal will produce for an input: how many files, of which size or length. fal-sim renders exactly this, and
 * the cost estimate prices it.
 *
 * @param kind image or video
 * @param count number of files
 * @param dimensions pixel size of each image (null for video)
 * @param videoSeconds length of the video (0 for images)
 */
public record OutputPlan(ModelKind kind, int count, Dimensions dimensions, int videoSeconds) {

    /** The plan for fal's input to a model (see {@link FalInputMapper#toFal}). */
    public static OutputPlan of(ModelSpec model, JsonNode falInput) {
        if (model.kind() == ModelKind.VIDEO) {
            JsonNode duration = falInput.get("duration");
            String seconds = duration != null
                    ? duration.asString()
                    : model.parameter("duration")
                            .map(p -> p.defaultValue().asString())
                            .orElse("6");
            return new OutputPlan(ModelKind.VIDEO, 1, null, Integer.parseInt(seconds));
        }
        int count = falInput.path("num_images").asInt(1);
        return new OutputPlan(ModelKind.IMAGE, count, imageDimensions(model.size(), falInput), 0);
    }

    private static Dimensions imageDimensions(SizeSpec size, JsonNode falInput) {
        if (size.strategy() == SizeStrategy.ASPECT_RATIO) {
            String ratio = falInput.path("aspect_ratio").asString(size.defaultValue());
            SizeChoice choice = size.aspectRatios().get(ratio);
            return choice != null ? choice.dimensions() : size.defaultDimensions();
        }
        JsonNode imageSize = falInput.get("image_size");
        if (imageSize == null || imageSize.isNull()) {
            return size.defaultDimensions();
        }
        if (imageSize.isObject()) {
            return new Dimensions(
                    imageSize.path("width").asInt(512), imageSize.path("height").asInt(512));
        }
        Map<String, Dimensions> presets = size.presets();
        return presets.getOrDefault(imageSize.asString(), size.defaultDimensions());
    }
}
