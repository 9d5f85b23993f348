package dev.darkroom.contracts.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class InputValidatorTest {

    static final Catalog CATALOG = Catalog.load();
    static final InputValidator VALIDATOR = new InputValidator(CATALOG);
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void fillsDefaultsAndMapsAnAspectRatioToFalsPreset() {
        JsonNode input = VALIDATOR.validate("flux-dev", json("{\"prompt\":\"p\",\"aspect_ratio\":\"4:3\",\"seed\":7}"));

        JsonNode fal = FalInputMapper.toFal(CATALOG.require("flux-dev"), input);

        assertThat(fal.get("image_size").asString()).isEqualTo("landscape_4_3");
        assertThat(fal.get("num_images").asInt()).isEqualTo(1);
        assertThat(fal.get("num_inference_steps").asInt()).isEqualTo(28);
        assertThat(fal.get("seed").asLong()).isEqualTo(7);
        assertThat(fal.has("aspect_ratio")).isFalse();
    }

    @Test
    void sendsACustomSizeAsWidthAndHeight() {
        JsonNode fal = toFal("flux-dev", "{\"prompt\":\"p\",\"width\":1200,\"height\":1000}");

        assertThat(fal.get("image_size")).isEqualTo(json("{\"width\":1200,\"height\":1000}"));
    }

    @Test
    void sendsARatioWithoutAPresetAsItsSize() {
        JsonNode fal = toFal("sd35-large", "{\"prompt\":\"p\",\"aspect_ratio\":\"3:2\"}");

        assertThat(fal.get("image_size")).isEqualTo(json("{\"width\":1152,\"height\":768}"));
    }

    @Test
    void passesUltraAndIdeogramAspectRatiosThrough() {
        assertThat(toFal("flux-pro-ultra", "{\"prompt\":\"p\",\"aspect_ratio\":\"21:9\"}")
                        .get("aspect_ratio")
                        .asString())
                .isEqualTo("21:9");
        JsonNode ideogram = toFal("ideogram-v2", "{\"prompt\":\"p\",\"style\":\"anime\"}");
        assertThat(ideogram.get("aspect_ratio").asString()).isEqualTo("1:1");
        assertThat(ideogram.get("style").asString()).isEqualTo("anime");
    }

    @Test
    void sendsHailuoDurationAsAString() {
        JsonNode fal = toFal(
                "hailuo-02-image-to-video",
                "{\"prompt\":\"p\",\"image_url\":\"https://x.test/a.png\",\"duration\":10}");

        assertThat(fal.get("duration").isString()).isTrue();
        assertThat(fal.get("duration").asString()).isEqualTo("10");
        assertThat(fal.get("resolution").asString()).isEqualTo("768P");
    }

    @Test
    void givesLorasTheirDefaultScale() {
        JsonNode fal = toFal("flux-lora", "{\"prompt\":\"p\",\"loras\":[{\"path\":\"https://x.test/l.safetensors\"}]}");

        assertThat(fal.get("loras")).isEqualTo(json("[{\"path\":\"https://x.test/l.safetensors\",\"scale\":1}]"));
    }

    @Test
    void namesAMissingPrompt() {
        assertThat(errors("flux-dev", "{\"seed\":1}"))
                .extracting(InputError::field, InputError::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("prompt", "required"));
    }

    @Test
    void reportsWrongTypesRangesValuesAndUnknownParameters() {
        List<InputError> errors = errors(
                "flux-dev",
                "{\"prompt\":\"p\",\"num_images\":\"2\",\"guidance_scale\":99,\"output_format\":\"gif\",\"colour\":1}");

        assertThat(errors)
                .extracting(InputError::field, InputError::code)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("num_images", "invalid_type"),
                        org.assertj.core.groups.Tuple.tuple("guidance_scale", "out_of_range"),
                        org.assertj.core.groups.Tuple.tuple("output_format", "invalid_value"),
                        org.assertj.core.groups.Tuple.tuple("colour", "unknown_parameter"));
    }

    @Test
    void refusesHalfACustomSizeAndASizeGivenTwice() {
        assertThat(errors("flux-dev", "{\"prompt\":\"p\",\"width\":1024}"))
                .extracting(InputError::field, InputError::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("height", "required"));
        assertThat(errors("flux-dev", "{\"prompt\":\"p\",\"width\":1024,\"height\":1024,\"aspect_ratio\":\"1:1\"}"))
                .extracting(InputError::code)
                .containsExactly("conflict");
    }

    @Test
    void pointsIntoNestedLists() {
        assertThat(errors("flux-lora", "{\"prompt\":\"p\",\"loras\":[{\"scale\":9}]}"))
                .extracting(InputError::field, InputError::code)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("loras[0].path", "required"),
                        org.assertj.core.groups.Tuple.tuple("loras[0].scale", "out_of_range"));
    }

    @Test
    void checksUrls() {
        assertThat(errors("hailuo-02-image-to-video", "{\"prompt\":\"p\",\"image_url\":\"not a url\"}"))
                .extracting(InputError::field, InputError::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("image_url", "invalid_format"));
    }

    @Test
    void refusesAnUnknownModel() {
        assertThatThrownBy(() -> VALIDATOR.validate("flux-nope", json("{\"prompt\":\"p\"}")))
                .isInstanceOf(UnknownModelException.class);
    }

    @Test
    void falSchemaAcceptsWhatTheMapperProducesAndRefusesBadSizes() {
        ModelSpec flux = CATALOG.require("flux-dev");
        SchemaCheck fal = new SchemaCheck(InputSchemas.falSchema(flux));

        assertThat(fal.check(toFal("flux-dev", "{\"prompt\":\"p\",\"width\":1200,\"height\":1000}")))
                .isEmpty();
        assertThat(fal.check(json("{\"prompt\":\"p\",\"image_size\":\"huge\"}")))
                .extracting(InputError::field)
                .contains("image_size");
        assertThat(fal.check(json("{\"image_size\":\"square\"}")))
                .extracting(InputError::field, InputError::code)
                .contains(org.assertj.core.groups.Tuple.tuple("prompt", "required"));
    }

    private static JsonNode toFal(String model, String input) {
        return FalInputMapper.toFal(CATALOG.require(model), VALIDATOR.validate(model, json(input)));
    }

    private static List<InputError> errors(String model, String input) {
        try {
            VALIDATOR.validate(model, json(input));
        } catch (InvalidInputException e) {
            return e.errors();
        }
        throw new AssertionError("input was accepted: " + input);
    }

    private static JsonNode json(String s) {
        return JSON.readTree(s);
    }
}
