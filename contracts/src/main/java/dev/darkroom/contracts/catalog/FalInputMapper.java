package dev.darkroom.contracts.catalog;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Turns a validated Darkroom input into the input fal's endpoint for the model expects. */
public final class FalInputMapper {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private FalInputMapper() {}

    /** fal's input for a normalized Darkroom input (see {@link InputValidator#validate}). */
    public static ObjectNode toFal(ModelSpec model, JsonNode input) {
        ObjectNode fal = NODES.objectNode();
        for (ParameterSpec p : model.parameters().values()) {
            JsonNode value = input.get(p.name());
            if (value == null || value.isNull()) {
                continue;
            }
            if (p.type() == ParamType.LORAS) {
                fal.set(p.falName(), loras(value));
            } else {
                fal.set(p.falName(), p.falAsString() ? NODES.stringNode(value.asString()) : value);
            }
        }
        model.sizeSpec().ifPresent(size -> putSize(fal, size, input));
        return fal;
    }

    private static void putSize(ObjectNode fal, SizeSpec size, JsonNode input) {
        String ratio =
                input.hasNonNull("aspect_ratio") ? input.get("aspect_ratio").asString() : null;
        if (size.strategy() == SizeStrategy.ASPECT_RATIO) {
            fal.put("aspect_ratio", ratio != null ? ratio : size.defaultValue());
        } else if (input.has("width")) {
            fal.set(
                    "image_size",
                    custom(new Dimensions(
                            input.get("width").asInt(), input.get("height").asInt())));
        } else if (ratio != null) {
            SizeChoice choice = size.aspectRatios().get(ratio);
            fal.set(
                    "image_size",
                    choice.preset() != null ? NODES.stringNode(choice.preset()) : custom(choice.dimensions()));
        } else {
            fal.put("image_size", size.defaultValue());
        }
    }

    private static ObjectNode custom(Dimensions d) {
        return NODES.objectNode().put("width", d.width()).put("height", d.height());
    }

    private static ArrayNode loras(JsonNode value) {
        ArrayNode result = NODES.arrayNode();
        for (JsonNode lora : value) {
            result.addObject()
                    .put("path", lora.get("path").asString())
                    .set("scale", lora.has("scale") ? lora.get("scale") : NODES.numberNode(1));
        }
        return result;
    }
}
