package dev.darkroom.falsim.render;

import dev.darkroom.contracts.catalog.ModelKind;
import dev.darkroom.contracts.catalog.ModelSpec;

/** The output JSON each model family returns (docs/fal-protocol.md#output-shapes). */
enum OutputShape {
    /** fal's {@code unoOutput}: FLUX.1 [dev], FLUX LoRA, SD 3.5, HiDream. */
    UNO,
    /** {@code FluxProV11Output}: images carry only url, width, height, content_type. */
    FLUX_PRO,
    /** Recraft V3: {@code {images: [File]}}, SVG for vector styles. */
    RECRAFT,
    /** Ideogram V2: {@code {images: [File], seed}}. */
    IDEOGRAM,
    /** Hailuo-02: {@code {video: File}}. */
    VIDEO;

    static OutputShape of(ModelSpec model) {
        String endpoint = model.falEndpoint();
        if (model.kind() == ModelKind.VIDEO) {
            return VIDEO;
        }
        if (endpoint.startsWith("fal-ai/flux-pro/")) {
            return FLUX_PRO;
        }
        if (endpoint.startsWith("fal-ai/recraft")) {
            return RECRAFT;
        }
        if (endpoint.startsWith("fal-ai/ideogram")) {
            return IDEOGRAM;
        }
        return UNO;
    }
}
