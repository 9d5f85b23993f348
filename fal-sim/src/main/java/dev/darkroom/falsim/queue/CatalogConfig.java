package dev.darkroom.falsim.queue;

import dev.darkroom.contracts.catalog.Catalog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CatalogConfig {

    /** The models the simulator serves: the endpoints it accepts and the schemas it validates against. */
    @Bean
    Catalog catalog() {
        return Catalog.load();
    }
}
