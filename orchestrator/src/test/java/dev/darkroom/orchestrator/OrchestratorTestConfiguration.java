package dev.darkroom.orchestrator;

import dev.darkroom.testsupport.MutableClock;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What {@link OrchestratorIntegrationTest} adds to the service: the clock every orchestrator bean reads, which
 * tests move instead of editing timestamps, and {@link OrchestratorTestSupport}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class OrchestratorTestConfiguration {

    /** Replaces the service's system clock (declared only when no other clock is). */
    @Bean
    MutableClock clock() {
        return MutableClock.system();
    }

    @Bean
    OrchestratorTestSupport orchestratorTestSupport(
            Environment environment, RabbitTemplate rabbit, JdbcClient jdbc, MutableClock clock) {
        return new OrchestratorTestSupport(environment, rabbit, jdbc, clock);
    }
}
