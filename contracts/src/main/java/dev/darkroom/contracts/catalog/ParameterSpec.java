package dev.darkroom.contracts.catalog;

import java.math.BigDecimal;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * One public input parameter of a model.
 *
 * @param name the name tenants send
 * @param type its JSON type
 * @param required whether it must be given
 * @param defaultValue the value used when it is not given, or null for none
 * @param enumValues the allowed values, empty for any
 * @param minimum the smallest number allowed, or null
 * @param maximum the largest number allowed, or null
 * @param maxLength the longest string allowed, or null
 * @param minLength the shortest string allowed, or null
 * @param format a JSON Schema format such as {@code uri}, or null
 * @param maxItems the most list items allowed ({@link ParamType#LORAS}), or null
 * @param falName the fal input field it becomes
 * @param falAsString whether fal takes the value as a JSON string (Hailuo's duration)
 */
public record ParameterSpec(
        String name,
        ParamType type,
        boolean required,
        JsonNode defaultValue,
        List<JsonNode> enumValues,
        BigDecimal minimum,
        BigDecimal maximum,
        Integer maxLength,
        Integer minLength,
        String format,
        Integer maxItems,
        String falName,
        boolean falAsString) {

    public ParameterSpec {
        enumValues = List.copyOf(enumValues);
    }
}
