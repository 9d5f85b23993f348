package dev.darkroom.contracts.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class CostEstimatorTest {

    static final Catalog CATALOG = Catalog.load();
    static final InputValidator VALIDATOR = new InputValidator(CATALOG);
    static final CostEstimator ESTIMATOR = new CostEstimator(CATALOG);
    static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * Hand-computed: one megapixel is 1024x1024 = 1,048,576 pixels and each image is rounded up to whole
     * megapixels, as fal bills; per-image and per-second prices multiply.
     */
    @ParameterizedTest(name = "{0} {1} costs {3} for {2} units")
    @CsvSource(delimiter = '|', textBlock = """
            flux-dev                 | {"aspect_ratio":"4:3","num_images":2}              | 2  | 0.050000
            flux-dev                 | {}                                                 | 1  | 0.025000
            flux-dev                 | {"aspect_ratio":"1:1"}                             | 1  | 0.025000
            flux-dev                 | {"width":1200,"height":1000}                       | 2  | 0.050000
            flux-dev                 | {"width":2048,"height":2048,"num_images":3}        | 12 | 0.300000
            flux-dev                 | {"width":1025,"height":1024}                       | 2  | 0.050000
            flux-pro                 | {"aspect_ratio":"16:9"}                            | 1  | 0.040000
            flux-pro-ultra           | {}                                                 | 1  | 0.060000
            flux-pro-ultra           | {"aspect_ratio":"21:9","num_images":3}             | 3  | 0.180000
            flux-lora                | {"width":1536,"height":1024,"loras":[{"path":"https://example.com/a.safetensors"}]} | 2 | 0.070000
            recraft-v3               | {}                                                 | 1  | 0.040000
            recraft-v3               | {"style":"vector_illustration/line_art"}           | 1  | 0.080000
            sd35-large               | {"aspect_ratio":"3:2","num_images":4}              | 4  | 0.260000
            ideogram-v2              | {"aspect_ratio":"16:10"}                           | 1  | 0.080000
            hidream-i1               | {"aspect_ratio":"16:9","num_images":2}             | 2  | 0.100000
            hailuo-02-image-to-video | {"image_url":"https://example.com/a.png"}          | 6  | 0.270000
            hailuo-02-image-to-video | {"image_url":"https://example.com/a.png","duration":10} | 10 | 0.450000
            hailuo-02-image-to-video | {"image_url":"https://example.com/a.png","duration":10,"resolution":"512P"} | 10 | 0.170000
            hailuo-02-text-to-video  | {"duration":10}                                    | 10 | 0.450000
            """)
    void estimatesMatchTheHandComputedTable(String model, String input, int units, String usd) {
        ObjectNode json = (ObjectNode) JSON.readTree(input);
        json.put("prompt", "a lighthouse at dusk");
        ModelSpec spec = CATALOG.require(model);

        CostEstimate estimate = ESTIMATOR.estimate(spec, FalInputMapper.toFal(spec, VALIDATOR.validate(model, json)));

        assertThat(estimate.quantity()).isEqualByComparingTo(BigDecimal.valueOf(units));
        assertThat(estimate.amountUsd()).isEqualTo(new BigDecimal(usd));
    }

    @ParameterizedTest(name = "{0} settles {1} outputs at {3}")
    @CsvSource(delimiter = '|', textBlock = """
            flux-dev                 | 1 | 1200x1000 | 0.050000
            flux-dev                 | 2 | 1024x768  | 0.050000
            flux-pro-ultra           | 2 | 2752x1536 | 0.120000
            hailuo-02-image-to-video | 1 | 10.02s    | 0.450000
            hailuo-02-image-to-video | 1 | 5.96s     | 0.270000
            """)
    void settlementPricesTheRealOutputs(String model, int count, String measured, String usd) {
        ModelSpec spec = CATALOG.require(model);
        OutputMeasure each = measured.endsWith("s")
                ? OutputMeasure.video(new BigDecimal(measured.substring(0, measured.length() - 1)))
                : OutputMeasure.image(new Dimensions(
                        Integer.parseInt(measured.split("x")[0]), Integer.parseInt(measured.split("x")[1])));
        ObjectNode falInput = JSON.createObjectNode().put("prompt", "p");

        CostEstimate settled = ESTIMATOR.settle(spec, falInput, java.util.Collections.nCopies(count, each));

        assertThat(settled.amountUsd()).isEqualTo(new BigDecimal(usd));
    }

    @org.junit.jupiter.api.Test
    void everyModelOfTheBriefIsInTheCatalog() {
        assertThat(CATALOG.models().stream().map(ModelSpec::id))
                .containsExactly(
                        "flux-dev",
                        "flux-pro",
                        "flux-pro-ultra",
                        "flux-lora",
                        "recraft-v3",
                        "sd35-large",
                        "ideogram-v2",
                        "hidream-i1",
                        "hailuo-02-image-to-video",
                        "hailuo-02-text-to-video");
        assertThat(List.copyOf(CATALOG.models()))
                .allSatisfy(m -> assertThat(m.pricing().priceUsd()).isPositive());
    }
}
