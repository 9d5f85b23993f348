package dev.darkroom.orchestrator;

import dev.darkroom.contracts.catalog.Catalog;
import dev.darkroom.contracts.catalog.CostEstimator;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans the features share: the clock domain code reads time from, and the model catalog. */
@Configuration(proxyBeanMethods = false)
class OrchestratorConfiguration {

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
    CostEstimator costEstimator(Catalog catalog) {
        return new CostEstimator(catalog);
    }
}
