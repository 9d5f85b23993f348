package dev.darkroom.contracts.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The catalog says what fal's models take (see docs/fal-protocol.md#models). */
class CatalogFidelityTest {

    private static final Catalog CATALOG = Catalog.load();
    private static final InputValidator VALIDATOR = new InputValidator(CATALOG);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void fluxProTakesCustomSizesFrom256To1440PerSide() {
        assertThat(errors("flux-pro", "{\"prompt\":\"p\",\"width\":1440,\"height\":256}"))
                .isEmpty();
        assertThat(errors("flux-pro", "{\"prompt\":\"p\",\"width\":1441,\"height\":255}"))
                .extracting(InputError::field, InputError::code)
                .containsExactlyInAnyOrder(tuple("width", "out_of_range"), tuple("height", "out_of_range"));
        assertThat(errors("flux-dev", "{\"prompt\":\"p\",\"width\":2048,\"height\":2048}"))
                .isEmpty();
        assertThat(InputSchemas.falSchema(CATALOG.require("flux-pro")).toString())
                .contains("\"maximum\":1440");
    }

    @Test
    void hailuoPromptsEndAt2000CharactersWhileImageModelsTake4000() {
        String prompt2000 = "a".repeat(2000);
        assertThat(errors("hailuo-02-text-to-video", "{\"prompt\":\"" + prompt2000 + "\"}"))
                .isEmpty();
        assertThat(errors("hailuo-02-text-to-video", "{\"prompt\":\"" + prompt2000 + "a\"}"))
                .extracting(InputError::field)
                .containsExactly("prompt");
        assertThat(CATALOG.require("hailuo-02-image-to-video")
                        .parameter("prompt")
                        .orElseThrow()
                        .maxLength())
                .isEqualTo(2000);
        assertThat(errors("flux-dev", "{\"prompt\":\"" + "a".repeat(4000) + "\"}"))
                .isEmpty();
    }

    @Test
    void recraftLeavesTheSafetyCheckerOffAndItsPriceIsConfirmed() {
        ModelSpec recraft = CATALOG.require("recraft-v3");

        assertThat(toFal("recraft-v3", "{\"prompt\":\"p\"}")
                        .get("enable_safety_checker")
                        .asBoolean())
                .isFalse();
        assertThat(recraft.pricing().confirmed()).isTrue();
    }

    @Test
    void hiDreamDefaultsToASquare1024Image() {
        ModelSpec hidream = CATALOG.require("hidream-i1");

        assertThat(hidream.size().defaultDimensions()).isEqualTo(new Dimensions(1024, 1024));
        assertThat(toFal("hidream-i1", "{\"prompt\":\"p\"}").get("image_size").asString())
                .isEqualTo("square_hd");
    }

    @Test
    void seedsGoUpTo2To63Minus1WhereverAModelTakesOne() {
        long largest = Long.MAX_VALUE;
        for (ModelSpec model : CATALOG.models()) {
            if (model.parameter("seed").isEmpty()) {
                continue;
            }
            assertThat(toFal(model.id(), "{\"prompt\":\"p\",\"seed\":" + largest + "}")
                            .get("seed")
                            .asLong())
                    .as(model.id())
                    .isEqualTo(largest);
            assertThat(errors(model.id(), "{\"prompt\":\"p\",\"seed\":9223372036854775808}"))
                    .as(model.id())
                    .extracting(InputError::field)
                    .containsExactly("seed");
        }
    }

    private static JsonNode toFal(String model, String input) {
        return FalInputMapper.toFal(CATALOG.require(model), VALIDATOR.validate(model, JSON.readTree(input)));
    }

    private static List<InputError> errors(String model, String input) {
        try {
            VALIDATOR.validate(model, JSON.readTree(input));
            return List.of();
        } catch (InvalidInputException e) {
            return e.errors();
        }
    }
}
