package dev.darkroom.falsim.admin;

import dev.darkroom.falsim.Resettable;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /_sim/reset}: forget every request and pending webhook, restore the configured faults and real time.
 * Signing keys and CDN files stay, so receivers' JWKS caches and earlier output URLs remain valid.
 */
@RestController
class ResetController {

    private final List<Resettable> resettables;

    ResetController(List<Resettable> resettables) {
        this.resettables = resettables;
    }

    @PostMapping("/_sim/reset")
    ResponseEntity<Void> reset() {
        resettables.forEach(Resettable::reset);
        return ResponseEntity.noContent().build();
    }
}
