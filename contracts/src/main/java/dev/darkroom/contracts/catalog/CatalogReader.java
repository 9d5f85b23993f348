package dev.darkroom.contracts.catalog;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Turns the catalog YAML into {@link ModelSpec}s, failing fast on anything malformed. */
final class CatalogReader {

    /** fal's usual prompt limit; a model's {@code prompt_max_length} replaces it (Hailuo-02: 2000). */
    private static final int DEFAULT_PROMPT_MAX_LENGTH = 4000;

    private CatalogReader() {}

    static Catalog read(InputStream yaml) {
        JsonNode root = YAMLMapper.builder().build().readTree(yaml);
        long megapixel = required(root, "megapixel_pixels", "catalog").asLong();
        Map<String, Dimensions> presets = new LinkedHashMap<>();
        required(root, "image_size_presets", "catalog")
                .properties()
                .forEach(e -> presets.put(e.getKey(), dimensions(e.getValue(), "image_size_presets." + e.getKey())));
        Map<String, SizeChoice> imageSizeRatios = new LinkedHashMap<>();
        required(root, "image_size_aspect_ratios", "catalog").properties().forEach(e -> {
            JsonNode v = e.getValue();
            String where = "image_size_aspect_ratios." + e.getKey();
            imageSizeRatios.put(
                    e.getKey(),
                    v.isString()
                            ? new SizeChoice(v.asString(), require(presets.get(v.asString()), where))
                            : new SizeChoice(null, dimensions(v, where)));
        });
        JsonNode custom = required(root, "custom_size", "catalog");
        int customMin = required(custom, "min", "custom_size").asInt();
        int customMax = required(custom, "max", "custom_size").asInt();

        Map<String, ModelSpec> models = new LinkedHashMap<>();
        required(root, "models", "catalog").properties().forEach(e -> {
            String id = e.getKey();
            JsonNode m = e.getValue();
            // a model's own custom_size narrows the shared one (FLUX1.1 [pro]: 256-1440 per side)
            JsonNode ownCustom = m.path("custom_size");
            SizeSpec size = m.has("size")
                    ? size(
                            m.get("size"),
                            id,
                            presets,
                            imageSizeRatios,
                            ownCustom.path("min").asInt(customMin),
                            ownCustom.path("max").asInt(customMax))
                    : null;
            models.put(
                    id,
                    new ModelSpec(
                            id,
                            required(m, "name", id).asString(),
                            ModelKind.valueOf(upper(required(m, "kind", id).asString())),
                            required(m, "fal_endpoint", id).asString(),
                            Duration.ofSeconds(
                                    required(m, "expected_seconds", id).asLong()),
                            pricing(required(m, "pricing", id), id),
                            size,
                            parameters(
                                    m.get("parameters"),
                                    id,
                                    m.path("prompt_max_length").asInt(DEFAULT_PROMPT_MAX_LENGTH))));
        });
        requireDistinctEndpoints(models.values());
        return new Catalog(models, megapixel);
    }

    /** fal results are matched back to their model by endpoint, so two models must never share one. */
    private static void requireDistinctEndpoints(Collection<ModelSpec> models) {
        Map<String, String> modelByEndpoint = new HashMap<>();
        for (ModelSpec m : models) {
            String other = modelByEndpoint.putIfAbsent(m.falEndpoint(), m.id());
            if (other != null) {
                throw new IllegalStateException("catalog: models '" + other + "' and '" + m.id()
                        + "' share fal_endpoint '" + m.falEndpoint() + "'");
            }
        }
    }

    private static SizeSpec size(
            JsonNode s,
            String id,
            Map<String, Dimensions> presets,
            Map<String, SizeChoice> imageSizeRatios,
            int customMin,
            int customMax) {
        SizeStrategy strategy =
                SizeStrategy.valueOf(upper(required(s, "strategy", id + ".size").asString()));
        String defaultValue = required(s, "default", id + ".size").asString();
        if (strategy == SizeStrategy.IMAGE_SIZE) {
            require(presets.get(defaultValue), id + ".size.default");
            return new SizeSpec(strategy, defaultValue, imageSizeRatios, presets, customMin, customMax);
        }
        Map<String, SizeChoice> ratios = new LinkedHashMap<>();
        required(s, "dimensions", id + ".size")
                .properties()
                .forEach(e -> ratios.put(
                        e.getKey(), new SizeChoice(null, dimensions(e.getValue(), id + ".size." + e.getKey()))));
        require(ratios.get(defaultValue), id + ".size.default");
        return new SizeSpec(strategy, defaultValue, ratios, Map.of(), 0, 0);
    }

    private static Pricing pricing(JsonNode p, String id) {
        List<PriceOverride> overrides = new ArrayList<>();
        if (p.has("overrides")) {
            for (JsonNode o : p.get("overrides")) {
                overrides.add(new PriceOverride(
                        required(o, "parameter", id + ".pricing.overrides").asString(),
                        text(o, "equals"),
                        text(o, "starts_with"),
                        new BigDecimal(required(o, "price_usd", id + ".pricing.overrides")
                                .asString())));
            }
        }
        return new Pricing(
                PriceUnit.valueOf(upper(required(p, "unit", id + ".pricing").asString())),
                new BigDecimal(required(p, "price_usd", id + ".pricing").asString()),
                required(p, "confirmed", id + ".pricing").asBoolean(),
                overrides);
    }

    private static Map<String, ParameterSpec> parameters(JsonNode params, String id, int promptMaxLength) {
        Map<String, ParameterSpec> result = new LinkedHashMap<>();
        result.put(
                "prompt",
                new ParameterSpec(
                        "prompt",
                        ParamType.STRING,
                        true,
                        null,
                        List.of(),
                        null,
                        null,
                        promptMaxLength,
                        1,
                        null,
                        null,
                        "prompt",
                        false));
        if (params == null) {
            return result;
        }
        params.properties().forEach(e -> {
            String name = e.getKey();
            JsonNode p = e.getValue();
            String where = id + ".parameters." + name;
            List<JsonNode> enumValues = new ArrayList<>();
            if (p.has("enum")) {
                p.get("enum").forEach(enumValues::add);
            }
            String toFal = text(p, "to_fal");
            if (toFal != null && !toFal.equals("string")) {
                throw new IllegalStateException(where + ".to_fal must be 'string'");
            }
            result.put(
                    name,
                    new ParameterSpec(
                            name,
                            ParamType.valueOf(upper(required(p, "type", where).asString())),
                            p.path("required").asBoolean(false),
                            p.has("default") ? p.get("default") : null,
                            enumValues,
                            decimal(p, "minimum"),
                            decimal(p, "maximum"),
                            integer(p, "max_length"),
                            integer(p, "min_length"),
                            text(p, "format"),
                            integer(p, "max_items"),
                            p.has("fal") ? p.get("fal").asString() : name,
                            toFal != null));
        });
        return result;
    }

    private static Dimensions dimensions(JsonNode pair, String where) {
        if (!pair.isArray() || pair.size() != 2) {
            throw new IllegalStateException(where + " must be [width, height]");
        }
        return new Dimensions(pair.get(0).asInt(), pair.get(1).asInt());
    }

    private static JsonNode required(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw new IllegalStateException("catalog: " + where + " lacks '" + field + "'");
        }
        return v;
    }

    private static <T> T require(T value, String where) {
        if (value == null) {
            throw new IllegalStateException("catalog: " + where + " names an unknown size");
        }
        return value;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }

    private static Integer integer(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null ? null : v.asInt();
    }

    private static BigDecimal decimal(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null ? null : v.decimalValue();
    }

    private static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }
}
