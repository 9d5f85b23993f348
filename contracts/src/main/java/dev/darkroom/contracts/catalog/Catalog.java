package dev.darkroom.contracts.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The models Darkroom serves, read from {@code darkroom/catalog.yaml}. Immutable and safe to share; build it once
 * per process with {@link #load()}.
 */
public final class Catalog {

    /** The classpath resource the catalog is read from. */
    public static final String RESOURCE = "darkroom/catalog.yaml";

    private final Map<String, ModelSpec> models;
    private final Map<String, ModelSpec> byEndpoint;
    private final long megapixelPixels;

    Catalog(Map<String, ModelSpec> models, long megapixelPixels) {
        this.models = Collections.unmodifiableMap(new LinkedHashMap<>(models));
        Map<String, ModelSpec> endpoints = new LinkedHashMap<>();
        models.values().forEach(m -> endpoints.put(m.falEndpoint(), m));
        this.byEndpoint = Collections.unmodifiableMap(endpoints);
        this.megapixelPixels = megapixelPixels;
    }

    /** Reads the catalog shipped in this jar. */
    public static Catalog load() {
        try (InputStream in = Catalog.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("catalog resource missing: " + RESOURCE);
            }
            return load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a catalog document; fails with a message naming the bad entry. */
    public static Catalog load(InputStream yaml) {
        return CatalogReader.read(yaml);
    }

    public Collection<ModelSpec> models() {
        return models.values();
    }

    public Optional<ModelSpec> find(String modelId) {
        return modelId == null ? Optional.empty() : Optional.ofNullable(models.get(modelId));
    }

    /** The model with this Darkroom id, or {@link UnknownModelException}. */
    public ModelSpec require(String modelId) {
        return find(modelId).orElseThrow(() -> new UnknownModelException(modelId));
    }

    /** The model served at this fal endpoint id, such as {@code fal-ai/flux/dev}. */
    public Optional<ModelSpec> findByFalEndpoint(String endpoint) {
        return Optional.ofNullable(byEndpoint.get(endpoint));
    }

    /** Pixels in one billed megapixel. */
    public long megapixelPixels() {
        return megapixelPixels;
    }
}
