package dev.darkroom.falsim.queue;

import dev.darkroom.contracts.catalog.InputError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.node.ObjectNode;

/** Turns one {@link InputError} into a pydantic v2 error item, the way fal's runners word them. */
final class PydanticErrors {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final Map<String, String> TYPE_ERRORS = Map.of(
            "string", "string_type",
            "integer", "int_type",
            "number", "float_type",
            "boolean", "bool_type",
            "array", "list_type",
            "object", "dict_type");

    private static final Map<String, String> TYPE_MESSAGES = Map.of(
            "string", "Input should be a valid string",
            "integer", "Input should be a valid integer",
            "number", "Input should be a valid number",
            "boolean", "Input should be a valid boolean",
            "array", "Input should be a valid list",
            "object", "Input should be a valid dictionary");

    private PydanticErrors() {}

    static ObjectNode item(InputError error, JsonNode schema, JsonNode input) {
        JsonNode rule = schemaAt(schema, error.path());
        JsonNode value = valueAt(input, error.path());
        ObjectNode item = NODES.objectNode();
        ArrayNode loc = item.putArray("loc").add("body");
        error.path().forEach(segment -> {
            if (segment instanceof Integer i) {
                loc.add(i);
            } else {
                loc.add(String.valueOf(segment));
            }
        });
        ObjectNode ctx = NODES.objectNode();
        String type;
        String msg;
        switch (error.code()) {
            case "required" -> {
                type = "missing";
                msg = "Field required";
                value = valueAt(input, error.path().subList(0, error.path().size() - 1));
            }
            case "invalid_type" -> {
                String expected = rule.path("type").asString("");
                type = TYPE_ERRORS.getOrDefault(expected, "dict_type");
                msg = TYPE_MESSAGES.getOrDefault(expected, "Input should be a valid dictionary");
            }
            case "out_of_range" -> {
                boolean tooBig = rule.has("maximum")
                        && value.isNumber()
                        && value.decimalValue().compareTo(rule.get("maximum").decimalValue()) > 0;
                JsonNode bound = tooBig ? rule.get("maximum") : rule.path("minimum");
                type = tooBig ? "less_than_equal" : "greater_than_equal";
                msg = "Input should be " + (tooBig ? "less" : "greater") + " than or equal to " + bound;
                ctx.set(tooBig ? "le" : "ge", bound);
            }
            case "invalid_value" -> {
                List<String> options = new ArrayList<>();
                JsonNode values = rule.has("enum") ? rule.get("enum") : firstEnum(rule);
                values.forEach(v -> options.add(v.isString() ? "'" + v.asString() + "'" : v.toString()));
                String expected = joinOr(options);
                type = "literal_error";
                msg = "Input should be " + expected;
                ctx.put("expected", expected);
            }
            case "invalid_length" -> {
                boolean tooLong = rule.has("maxLength")
                        && value.asString("").length() > rule.get("maxLength").asInt();
                int bound = tooLong
                        ? rule.get("maxLength").asInt()
                        : rule.path("minLength").asInt();
                type = tooLong ? "string_too_long" : "string_too_short";
                msg = "String should have " + (tooLong ? "at most " : "at least ") + bound
                        + (bound == 1 ? " character" : " characters");
                ctx.put(tooLong ? "max_length" : "min_length", bound);
            }
            case "invalid_format" -> {
                type = "url_parsing";
                msg = "Input should be a valid URL, relative URL without a base";
                ctx.put("error", "relative URL without a base");
            }
            case "too_many_items" -> {
                int max = rule.path("maxItems").asInt();
                type = "too_long";
                msg = "List should have at most " + max + " items after validation, not " + value.size();
                ctx.put("field_type", "List").put("max_length", max).put("actual_length", value.size());
            }
            case "unknown_parameter" -> {
                type = "extra_forbidden";
                msg = "Extra inputs are not permitted";
            }
            default -> {
                type = "value_error";
                msg = "Value error, " + error.message();
            }
        }
        item.put("msg", msg).put("type", type);
        if (!value.isMissingNode()) {
            item.set("input", value);
        }
        if (!ctx.isEmpty()) {
            item.set("ctx", ctx);
        }
        return item;
    }

    /** The schema node that governs a path, looking through properties, items and anyOf branches. */
    static JsonNode schemaAt(JsonNode schema, List<Object> path) {
        JsonNode node = schema;
        for (Object segment : path) {
            if (segment instanceof Integer) {
                node = node.path("items");
            } else {
                JsonNode next = node.path("properties").path(String.valueOf(segment));
                if (next.isMissingNode() && node.has("anyOf")) {
                    for (JsonNode branch : node.get("anyOf")) {
                        if (branch.path("properties").has(String.valueOf(segment))) {
                            next = branch.path("properties").path(String.valueOf(segment));
                        }
                    }
                }
                node = next;
            }
        }
        return node;
    }

    private static JsonNode valueAt(JsonNode input, List<Object> path) {
        JsonNode node = input;
        for (Object segment : path) {
            node = segment instanceof Integer i ? node.path(i) : node.path(String.valueOf(segment));
        }
        return node == null ? MissingNode.getInstance() : node;
    }

    private static JsonNode firstEnum(JsonNode rule) {
        for (JsonNode branch : rule.path("anyOf")) {
            if (branch.has("enum")) {
                return branch.get("enum");
            }
        }
        return NODES.arrayNode();
    }

    private static String joinOr(List<String> options) {
        if (options.size() <= 1) {
            return options.isEmpty() ? "a permitted value" : options.get(0);
        }
        return String.join(", ", options.subList(0, options.size() - 1)) + " or " + options.get(options.size() - 1);
    }
}
