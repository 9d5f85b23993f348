package dev.darkroom.falsim.faults;

import dev.darkroom.falsim.web.AdminException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /_sim/faults}: {@code GET} the settings in force; {@code PUT} a document whose fields replace the
 * configured startup settings ({@code fal-sim.faults.*}, everything off unless configured), so what it leaves out
 * is back at startup values; {@code PATCH} changes only the fields it names.
 */
@RestController
class FaultsController {

    private final Faults faults;
    private final JsonMapper json;
    private final ObjectReader reader;

    FaultsController(Faults faults, JsonMapper json) {
        this.faults = faults;
        this.json = json;
        // a typo in a knob must not pass silently as "off"
        this.reader = json.readerFor(FaultSettings.class)
                .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .without(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }

    @GetMapping("/_sim/faults")
    FaultSettings show() {
        return faults.settings();
    }

    @PutMapping("/_sim/faults")
    FaultSettings replace(@RequestBody JsonNode body) {
        return apply(faults.initial(), body);
    }

    @PatchMapping("/_sim/faults")
    FaultSettings change(@RequestBody JsonNode body) {
        return apply(faults.settings(), body);
    }

    private FaultSettings apply(FaultSettings base, JsonNode body) {
        if (!body.isObject()) {
            throw new AdminException("invalid_faults", "Expected a JSON object of fault settings");
        }
        ObjectNode merged = json.valueToTree(base);
        merged.setAll((ObjectNode) body);
        FaultSettings settings;
        try {
            settings = reader.readValue(merged);
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() instanceof IllegalArgumentException ? e.getCause() : e;
            throw new AdminException("invalid_faults", cause.getMessage());
        }
        faults.replace(settings);
        return settings;
    }
}
