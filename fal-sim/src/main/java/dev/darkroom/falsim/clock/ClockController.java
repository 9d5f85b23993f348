package dev.darkroom.falsim.clock;

import dev.darkroom.falsim.Resettable;
import dev.darkroom.falsim.web.AdminException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /_sim/clock}: read and move the simulator's clock. */
@RestController
class ClockController implements Resettable {

    private final SimClock clock;

    ClockController(SimClock clock) {
        this.clock = clock;
    }

    @GetMapping("/_sim/clock")
    Map<String, Object> show() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("now", clock.instant().toString());
        body.put("offset", clock.offset().toString());
        return body;
    }

    /** {@code POST /_sim/clock/advance?by=1h} (or {@code PT1H}, {@code 90s}, {@code -5m}). */
    @PostMapping("/_sim/clock/advance")
    Map<String, Object> advance(@RequestParam("by") String by) {
        clock.advance(parse(by));
        return show();
    }

    @Override
    public void reset() {
        clock.reset();
    }

    private static Duration parse(String value) {
        try {
            return DurationStyle.detectAndParse(value.trim());
        } catch (IllegalArgumentException e) {
            throw new AdminException("invalid_duration", "Not a duration: " + value);
        }
    }
}
