package dev.darkroom.support.catalog;

import dev.darkroom.contracts.catalog.Catalog;
import dev.darkroom.contracts.catalog.CostEstimator;
import dev.darkroom.contracts.catalog.InputValidator;
import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The clock (UTC; tests replace it), the model catalog read once per process, and the validator and estimator built
 * on it.
 */
@AutoConfiguration
public class CatalogAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnMissingBean
    Catalog catalog() {
        return Catalog.load();
    }

    @Bean
    @ConditionalOnMissingBean
    InputValidator inputValidator(Catalog catalog) {
        return new InputValidator(catalog);
    }

    @Bean
    @ConditionalOnMissingBean
    CostEstimator costEstimator(Catalog catalog) {
        return new CostEstimator(catalog);
    }
}
