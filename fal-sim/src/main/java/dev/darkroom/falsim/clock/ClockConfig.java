package dev.darkroom.falsim.clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ClockConfig {

    /** Exposed both as {@link java.time.Clock}, which every feature injects, and as itself for the admin API. */
    @Bean
    SimClock simClock() {
        return SimClock.system();
    }
}
