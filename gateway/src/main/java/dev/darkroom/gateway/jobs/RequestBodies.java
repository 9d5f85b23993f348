package dev.darkroom.gateway.jobs;

import dev.darkroom.contracts.catalog.Catalog;
import dev.darkroom.contracts.catalog.InputError;
import dev.darkroom.contracts.catalog.InputValidator;
import dev.darkroom.contracts.catalog.InvalidInputException;
import dev.darkroom.contracts.catalog.ModelSpec;
import dev.darkroom.gateway.GatewayProperties;
import dev.darkroom.support.problems.DarkroomException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.server.ServerRequest;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Reading a job request: a bounded body, a known model, an input that fits the model's parameters. */
@Component
class RequestBodies {

    private final Catalog catalog;
    private final InputValidator validator;
    private final int maxBytes;

    RequestBodies(Catalog catalog, InputValidator validator, GatewayProperties properties) {
        this.catalog = catalog;
        this.validator = validator;
        this.maxBytes = (int) properties.maxBodySize().toBytes();
    }

    /** The whole body, at most {@code maxBodySize} (413 beyond). */
    Mono<byte[]> read(ServerRequest request) {
        return DataBufferUtils.join(request.body(BodyExtractors.toDataBuffers()), maxBytes)
                .map(buffer -> {
                    byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.read(bytes);
                    DataBufferUtils.release(buffer);
                    return bytes;
                })
                .defaultIfEmpty(new byte[0]);
    }

    /** The catalog entry, or 400 {@code unknown_model}. */
    ModelSpec model(String id) {
        return catalog.find(id)
                .orElseThrow(() -> new DarkroomException(
                        400,
                        "unknown_model",
                        "unknown model " + id + "; GET /v1/models lists them",
                        Map.of("field", "model")));
    }

    /** The input with defaults, or 422 {@code invalid_input} listing every problem with its field. */
    ObjectNode validate(ModelSpec model, JsonNode input) {
        try {
            return validator.validate(model.id(), input);
        } catch (InvalidInputException e) {
            List<Map<String, Object>> errors =
                    e.errors().stream().map(RequestBodies::error).toList();
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("field", errors.get(0).get("field"));
            props.put("errors", errors);
            InputError first = e.errors().get(0);
            throw new DarkroomException(422, "invalid_input", "input." + first.field() + ": " + first.message(), props);
        }
    }

    private static Map<String, Object> error(InputError e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("field", e.field().isEmpty() ? "input" : "input." + e.field());
        m.put("code", e.code());
        m.put("message", e.message());
        return m;
    }
}
