package dev.darkroom.receiver.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkroom.contracts.catalog.Catalog;
import org.junit.jupiter.api.Test;

class OutputBoundsTest {

    private static final Catalog CATALOG = Catalog.load();

    @Test
    void theJobsOwnCountWinsTheModelsDefaultFillsInAndTheMaximumCaps() {
        assertThat(OutputBounds.count(CATALOG.require("flux-dev"), 2)).isEqualTo(2);
        assertThat(OutputBounds.count(CATALOG.require("flux-dev"), null)).isEqualTo(1);
        assertThat(OutputBounds.count(CATALOG.require("flux-dev"), 40)).isEqualTo(4);
    }

    @Test
    void aVideoModelMakesOneOutputOfUnboundedSize() {
        assertThat(OutputBounds.count(CATALOG.require("hailuo-02-image-to-video"), null))
                .isEqualTo(1);
        assertThat(OutputBounds.maxSide(CATALOG.require("hailuo-02-image-to-video")))
                .isEmpty();
    }

    @Test
    void anImageModelsLongestSideIsItsLargestCustomOrPresetSize() {
        assertThat(OutputBounds.maxSide(CATALOG.require("flux-dev"))).hasValue(2048);
    }
}
