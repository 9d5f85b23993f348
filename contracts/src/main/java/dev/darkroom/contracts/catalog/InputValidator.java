package dev.darkroom.contracts.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks a tenant's input against its model's public schema and fills in defaults. Thread-safe; schemas are
 * compiled once.
 */
public final class InputValidator {

    private final Catalog catalog;
    private final Map<String, SchemaCheck> schemas = new LinkedHashMap<>();

    public InputValidator(Catalog catalog) {
        this.catalog = catalog;
        catalog.models().forEach(m -> schemas.put(m.id(), new SchemaCheck(InputSchemas.publicSchema(m))));
    }

    /**
     * The input with defaults applied, ready for {@link FalInputMapper}.
     *
     * @throws UnknownModelException for a model the catalog does not hold
     * @throws InvalidInputException listing every problem found
     */
    public ObjectNode validate(String modelId, JsonNode input) {
        ModelSpec model = catalog.require(modelId);
        if (input == null || !input.isObject()) {
            throw new InvalidInputException(
                    modelId, List.of(new InputError(List.of(), "invalid_type", "input must be a JSON object")));
        }
        List<InputError> errors = new ArrayList<>(schemas.get(modelId).check(input));
        errors.addAll(sizeErrors(model, input));
        if (!errors.isEmpty()) {
            throw new InvalidInputException(modelId, errors);
        }
        return normalize(model, (ObjectNode) input);
    }

    private static List<InputError> sizeErrors(ModelSpec model, JsonNode input) {
        boolean width = input.has("width");
        boolean height = input.has("height");
        List<InputError> errors = new ArrayList<>();
        if (width != height) {
            String missing = width ? "height" : "width";
            errors.add(new InputError(List.of(missing), "required", "width and height must be given together"));
        }
        if ((width || height) && input.has("aspect_ratio")) {
            errors.add(new InputError(
                    List.of("aspect_ratio"), "conflict", "give either aspect_ratio or width and height, not both"));
        }
        return errors;
    }

    private static ObjectNode normalize(ModelSpec model, ObjectNode input) {
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        for (ParameterSpec p : model.parameters().values()) {
            JsonNode value = input.has(p.name()) ? input.get(p.name()) : p.defaultValue();
            if (value == null || value.isNull()) {
                continue;
            }
            result.set(
                    p.name(),
                    p.type() == ParamType.INTEGER ? JsonNodeFactory.instance.numberNode(value.asLong()) : value);
        }
        for (String size : List.of("aspect_ratio", "width", "height")) {
            if (input.has(size)) {
                JsonNode v = input.get(size);
                result.set(size, v.isNumber() ? JsonNodeFactory.instance.numberNode(v.asInt()) : v);
            }
        }
        return result;
    }
}
