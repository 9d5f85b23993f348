package dev.darkroom.falsim.queue;

import dev.darkroom.contracts.catalog.Catalog;
import dev.darkroom.contracts.catalog.InputError;
import dev.darkroom.contracts.catalog.InputSchemas;
import dev.darkroom.contracts.catalog.ModelSpec;
import dev.darkroom.contracts.catalog.SchemaCheck;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks a submitted body against the model's fal schema and reports failures as fal's FastAPI runners do: 422
 * {@code detail[]} items with pydantic v2 types ({@code missing}, {@code string_type}, {@code less_than_equal},
 * {@code literal_error}, ...), {@code loc} starting at {@code "body"}.
 */
@Component
class FalValidation {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Map<String, Schema> schemas;

    FalValidation(Catalog catalog) {
        Map<String, Schema> byModel = new HashMap<>();
        for (ModelSpec model : catalog.models()) {
            ObjectNode schema = InputSchemas.falSchema(model);
            byModel.put(model.id(), new Schema(schema, new SchemaCheck(schema)));
        }
        this.schemas = Map.copyOf(byModel);
    }

    /** The 422 {@code detail[]} for a body, or null when it fits the schema. */
    ArrayNode detail(ModelSpec model, JsonNode input) {
        if (input == null) {
            ArrayNode detail = NODES.arrayNode();
            detail.addObject()
                    .put("type", "json_invalid")
                    .put("msg", "JSON decode error")
                    .set("loc", NODES.arrayNode().add("body"));
            return detail;
        }
        Schema schema = schemas.get(model.id());
        List<InputError> errors = schema.check().check(input);
        if (errors.isEmpty()) {
            return null;
        }
        ArrayNode detail = NODES.arrayNode();
        onePerPath(errors, schema.json()).forEach(e -> detail.add(PydanticErrors.item(e, schema.json(), input)));
        return detail;
    }

    /**
     * pydantic reports one error per location; networknt may report several (a type and an enum miss, or every
     * branch of image_size's union). Keep the most telling one, and drop a union's own errors when a branch
     * reported something deeper.
     */
    private static List<InputError> onePerPath(List<InputError> errors, JsonNode schema) {
        Map<List<Object>, InputError> byPath = new LinkedHashMap<>();
        for (InputError e : errors) {
            byPath.merge(e.path(), e, (a, b) -> rank(b, schema) < rank(a, schema) ? b : a);
        }
        List<InputError> kept = new ArrayList<>();
        for (InputError e : byPath.values()) {
            boolean deeper = byPath.keySet().stream()
                    .anyMatch(p -> p.size() > e.path().size()
                            && p.subList(0, e.path().size()).equals(e.path()));
            if (!(deeper && PydanticErrors.schemaAt(schema, e.path()).has("anyOf"))) {
                kept.add(e);
            }
        }
        return kept;
    }

    private static int rank(InputError e, JsonNode schema) {
        JsonNode rule = PydanticErrors.schemaAt(schema, e.path());
        boolean isEnum = rule.has("enum") || rule.has("anyOf");
        return switch (e.code()) {
            case "required" -> 0;
            case "invalid_value" -> isEnum ? 1 : 3;
            case "invalid_type" -> 2;
            default -> 3;
        };
    }

    /** A model's fal input schema and the check compiled from it. */
    private record Schema(ObjectNode json, SchemaCheck check) {}
}
