package dev.darkroom.gateway;

import dev.darkroom.contracts.catalog.Catalog;
import dev.darkroom.contracts.catalog.CostEstimator;
import dev.darkroom.contracts.catalog.InputValidator;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The catalog and the helpers built on it, and the clock. */
@Configuration(proxyBeanMethods = false)
class GatewayConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    Catalog catalog() {
        return Catalog.load();
    }

    @Bean
    InputValidator inputValidator(Catalog catalog) {
        return new InputValidator(catalog);
    }

    @Bean
    CostEstimator costEstimator(Catalog catalog) {
        return new CostEstimator(catalog);
    }
}
