package dev.darkroom.receiver;

import dev.darkroom.contracts.catalog.Catalog;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans every feature of the receiver shares. */
@Configuration(proxyBeanMethods = false)
class ReceiverConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    Catalog catalog() {
        return Catalog.load();
    }
}
