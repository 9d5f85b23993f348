package dev.darkroom.orchestrator.pricing;

import dev.darkroom.falclient.errors.FalException;
import dev.darkroom.support.problems.DarkroomException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Admin API: {@code GET /v1/admin/catalog/pricing-check}, the catalog's prices against fal's pricing API. */
@RestController
class PricingCheckController {

    private static final Logger log = LoggerFactory.getLogger(PricingCheckController.class);

    private final PricingCheck check;

    PricingCheckController(PricingCheck check) {
        this.check = check;
    }

    @GetMapping("/v1/admin/catalog/pricing-check")
    PricingReport pricingCheck() {
        try {
            return check.run();
        } catch (FalException e) {
            log.warn("fal's pricing API could not be read: {}", e.getMessage());
            throw new DarkroomException(
                    503, "fal_pricing_unavailable", "fal's pricing API could not be read: " + e.getMessage());
        }
    }
}
