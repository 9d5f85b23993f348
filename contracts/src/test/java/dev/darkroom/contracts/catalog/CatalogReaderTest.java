package dev.darkroom.contracts.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CatalogReaderTest {

    private static final String HEADER = """
            megapixel_pixels: 1048576
            image_size_presets:
              square: [512, 512]
            image_size_aspect_ratios:
              "1:1": square
            custom_size: { min: 256, max: 2048 }
            models:
            """;

    @Test
    void mapsEachModelToItsFalEndpoint() {
        Catalog catalog = read(HEADER + model("a", "fal-ai/a") + model("b", "fal-ai/b"));

        assertThat(catalog.findByFalEndpoint("fal-ai/b")).map(ModelSpec::id).contains("b");
    }

    @Test
    void rejectsTwoModelsSharingAFalEndpoint() {
        assertThatThrownBy(() -> read(HEADER + model("a", "fal-ai/same") + model("b", "fal-ai/same")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("catalog: models 'a' and 'b' share fal_endpoint 'fal-ai/same'");
    }

    private static String model(String id, String endpoint) {
        return """
                  %s:
                    name: %s
                    kind: image
                    fal_endpoint: %s
                    expected_seconds: 5
                    pricing: { unit: image, price_usd: "0.01", confirmed: true }
                    size: { strategy: image_size, default: square }
                """.formatted(id, id, endpoint);
    }

    private static Catalog read(String yaml) {
        return Catalog.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }
}
