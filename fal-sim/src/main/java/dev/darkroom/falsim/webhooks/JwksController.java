package dev.darkroom.falsim.webhooks;

import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ObjectNode;

/** Publishes the webhook keys where fal does ({@code rest.fal.ai/.well-known/jwks.json}), and rotates them. */
@RestController
class JwksController {

    private final SigningKeys keys;

    JwksController(SigningKeys keys) {
        this.keys = keys;
    }

    @GetMapping("/rest/.well-known/jwks.json")
    ObjectNode jwks() {
        return keys.jwks();
    }

    /** {@code POST /_sim/keys/rotate[?keep_old=false]}: sign with a new key; the old one stays published unless told. */
    @PostMapping("/_sim/keys/rotate")
    Map<String, Object> rotate(@RequestParam(name = "keep_old", defaultValue = "true") boolean keepOld) {
        String kid = keys.rotate(keepOld);
        return Map.of("kid", kid, "jwks", keys.jwks());
    }
}
