package dev.darkroom.receiver.ingest;

import dev.darkroom.contracts.catalog.ModelKind;
import dev.darkroom.contracts.messages.JobError;
import dev.darkroom.receiver.outputs.OutputRef;
import dev.darkroom.receiver.outputs.OutputRejectedException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The output files in a fal result: {@code images[]} for image models, {@code video} for video models
 * (docs/fal-protocol.md#output-shapes).
 */
final class OutputRefs {

    private OutputRefs() {}

    static List<OutputRef> of(ModelKind kind, JsonNode payload) {
        List<OutputRef> refs = new ArrayList<>();
        if (kind == ModelKind.VIDEO) {
            JsonNode video = payload.get("video");
            if (video == null || !video.isObject()) {
                throw invalid("fal's result has no video");
            }
            refs.add(ref(video, 0));
        } else {
            JsonNode images = payload.get("images");
            if (images == null || !images.isArray() || images.isEmpty()) {
                throw invalid("fal's result has no images");
            }
            for (int i = 0; i < images.size(); i++) {
                refs.add(ref(images.get(i), i));
            }
        }
        return refs;
    }

    private static OutputRef ref(JsonNode file, int index) {
        JsonNode url = file == null ? null : file.get("url");
        if (url == null || !url.isString() || url.asString().isBlank()) {
            throw invalid("output " + index + " in fal's result has no URL");
        }
        JsonNode type = file.get("content_type");
        return new OutputRef(url.asString(), type != null && type.isString() ? type.asString() : null);
    }

    private static JobFailure invalid(String message) {
        return new JobFailure(new JobError(OutputRejectedException.OUTPUT_INVALID, message, null));
    }
}
