package dev.darkroom.contracts.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The OpenAPI document of Darkroom's public API, read from the classpath. */
public final class OpenApiDocument {

    /** Where the document sits on the classpath. */
    public static final String RESOURCE = "darkroom/openapi.yaml";

    private OpenApiDocument() {}

    /** The document as written, YAML. */
    public static String yaml() {
        try (InputStream in = OpenApiDocument.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The document as a JSON tree. */
    public static JsonNode tree() {
        return YAMLMapper.builder().build().readTree(yaml());
    }
}
