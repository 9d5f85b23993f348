package dev.darkroom.contracts.catalog;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** A compiled JSON Schema whose failures come back as {@link InputError}s with stable codes. */
public final class SchemaCheck {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder()
                    .formatAssertionsEnabled(true)
                    .locale(Locale.ROOT)
                    .build()));

    private static final Map<String, String> CODES = Map.ofEntries(
            Map.entry("required", "required"),
            Map.entry("type", "invalid_type"),
            Map.entry("enum", "invalid_value"),
            Map.entry("const", "invalid_value"),
            Map.entry("minimum", "out_of_range"),
            Map.entry("maximum", "out_of_range"),
            Map.entry("exclusiveMinimum", "out_of_range"),
            Map.entry("exclusiveMaximum", "out_of_range"),
            Map.entry("minLength", "invalid_length"),
            Map.entry("maxLength", "invalid_length"),
            Map.entry("format", "invalid_format"),
            Map.entry("maxItems", "too_many_items"),
            Map.entry("additionalProperties", "unknown_parameter"),
            Map.entry("anyOf", "invalid_value"));

    private final Schema schema;

    public SchemaCheck(JsonNode schema) {
        this.schema = REGISTRY.getSchema(schema);
    }

    /** Every way the instance breaks the schema; empty when it fits. */
    public List<InputError> check(JsonNode instance) {
        List<InputError> errors = new ArrayList<>();
        for (Error e : schema.validate(instance)) {
            List<Object> path = path(e.getInstanceLocation());
            if (e.getProperty() != null
                    && ("required".equals(e.getKeyword()) || "additionalProperties".equals(e.getKeyword()))) {
                path.add(e.getProperty());
            }
            InputError error = new InputError(path, CODES.getOrDefault(e.getKeyword(), "invalid"), message(e));
            if (errors.stream()
                    .noneMatch(x -> x.path().equals(error.path()) && x.code().equals(error.code()))) {
                errors.add(error);
            }
        }
        return errors;
    }

    private static List<Object> path(NodePath location) {
        List<Object> path = new ArrayList<>();
        for (int i = 0; i < location.getNameCount(); i++) {
            path.add(location.getElement(i));
        }
        return path;
    }

    /** networknt prefixes messages with the JSON path; the field travels separately, so drop it. */
    private static String message(Error e) {
        String m = e.getMessage();
        int colon = m.indexOf(": ");
        return m.startsWith("$") && colon > 0 ? m.substring(colon + 2) : m;
    }
}
