package dev.darkroom.contracts.catalog;

import java.math.BigDecimal;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON Schemas (draft 2020-12) generated from the catalog: one for the public input a tenant sends, which
 * {@code GET /v1/models/{id}} publishes and the gateway validates against, and one for fal's own input, which
 * fal-sim validates submissions against as fal would.
 */
public final class InputSchemas {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private InputSchemas() {}

    /** The schema of Darkroom's public input for a model. */
    public static ObjectNode publicSchema(ModelSpec model) {
        ObjectNode schema = object();
        schema.put("additionalProperties", false);
        ObjectNode properties = schema.putObject("properties");
        ArrayNode required = schema.putArray("required");
        model.parameters().values().forEach(p -> {
            properties.set(p.name(), parameter(p, false));
            if (p.required()) {
                required.add(p.name());
            }
        });
        model.sizeSpec().ifPresent(size -> {
            ObjectNode ratio = properties.putObject("aspect_ratio").put("type", "string");
            size.aspectRatios().keySet().forEach(ratio.putArray("enum")::add);
            if (size.allowsCustomSize()) {
                properties.set("width", dimension(size));
                properties.set("height", dimension(size));
            }
        });
        return schema;
    }

    /** The schema of fal's input for a model, as fal's endpoint would check it. */
    public static ObjectNode falSchema(ModelSpec model) {
        ObjectNode schema = object();
        ObjectNode properties = schema.putObject("properties");
        ArrayNode required = schema.putArray("required");
        model.parameters().values().forEach(p -> {
            properties.set(p.falName(), parameter(p, true));
            if (p.required()) {
                required.add(p.falName());
            }
        });
        model.sizeSpec().ifPresent(size -> {
            if (size.strategy() == SizeStrategy.IMAGE_SIZE) {
                ObjectNode preset = object().put("type", "string");
                size.presets().keySet().forEach(preset.putArray("enum")::add);
                ObjectNode custom = object();
                custom.putArray("required").add("width").add("height");
                custom.putObject("properties").set("width", dimension(size)).set("height", dimension(size));
                properties.putObject("image_size").putArray("anyOf").add(preset).add(custom);
            } else {
                ObjectNode ratio = properties.putObject("aspect_ratio").put("type", "string");
                size.aspectRatios().keySet().forEach(ratio.putArray("enum")::add);
            }
        });
        return schema;
    }

    private static ObjectNode parameter(ParameterSpec p, boolean fal) {
        if (p.type() == ParamType.LORAS) {
            return loras(p);
        }
        boolean asString = fal && p.falAsString();
        ObjectNode s = object().put("type", asString ? "string" : p.type().jsonType());
        if (!p.enumValues().isEmpty()) {
            ArrayNode values = s.putArray("enum");
            p.enumValues().forEach(v -> values.add(asString ? NODES.stringNode(v.asString()) : v));
        }
        if (p.defaultValue() != null) {
            s.set("default", asString ? NODES.stringNode(p.defaultValue().asString()) : p.defaultValue());
        }
        if (!asString) {
            putNumber(s, "minimum", p.minimum());
            putNumber(s, "maximum", p.maximum());
        }
        if (p.minLength() != null) {
            s.put("minLength", p.minLength());
        }
        if (p.maxLength() != null) {
            s.put("maxLength", p.maxLength());
        }
        if (p.format() != null) {
            s.put("format", p.format());
        }
        return s;
    }

    private static ObjectNode loras(ParameterSpec p) {
        ObjectNode s = object().put("type", "array");
        if (p.maxItems() != null) {
            s.put("maxItems", p.maxItems());
        }
        ObjectNode item = s.putObject("items").put("type", "object");
        item.putArray("required").add("path");
        ObjectNode props = item.putObject("properties");
        props.putObject("path").put("type", "string").put("minLength", 1).put("maxLength", 2048);
        props.putObject("scale")
                .put("type", "number")
                .put("minimum", 0)
                .put("maximum", 4)
                .put("default", 1);
        return s;
    }

    private static ObjectNode dimension(SizeSpec size) {
        return object().put("type", "integer").put("minimum", size.customMin()).put("maximum", size.customMax());
    }

    private static void putNumber(ObjectNode s, String field, BigDecimal value) {
        if (value != null) {
            s.set(field, value.scale() <= 0 ? NODES.numberNode(value.longValueExact()) : NODES.numberNode(value));
        }
    }

    private static ObjectNode object() {
        return NODES.objectNode().put("type", "object");
    }
}
