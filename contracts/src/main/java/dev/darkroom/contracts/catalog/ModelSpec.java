package dev.darkroom.contracts.catalog;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One model as Darkroom serves it.
 *
 * @param id Darkroom's model id, such as {@code flux-dev}
 * @param name the human name
 * @param kind image or video
 * @param falEndpoint fal's endpoint id, such as {@code fal-ai/flux/dev}
 * @param expectedDuration how long fal usually takes; the reconciler polls jobs overdue past it
 * @param pricing how fal bills it
 * @param size the output size options, or null for a video model
 * @param parameters the public input parameters, {@code prompt} first
 */
public record ModelSpec(
        String id,
        String name,
        ModelKind kind,
        String falEndpoint,
        Duration expectedDuration,
        Pricing pricing,
        SizeSpec size,
        Map<String, ParameterSpec> parameters) {

    public ModelSpec {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    public Optional<ParameterSpec> parameter(String name) {
        return Optional.ofNullable(parameters.get(name));
    }

    public Optional<SizeSpec> sizeSpec() {
        return Optional.ofNullable(size);
    }
}
