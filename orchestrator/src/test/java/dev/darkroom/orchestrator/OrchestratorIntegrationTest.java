package dev.darkroom.orchestrator;

import dev.darkroom.testsupport.DarkroomInfra;
import dev.darkroom.testsupport.Infra;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The whole orchestrator on a random port against real Postgres, RabbitMQ, S3 and fal-sim, with the admin token
 * {@link OrchestratorTestSupport} sends, and a {@link dev.darkroom.testsupport.MutableClock} as the clock of every
 * bean (a test that moves it resets it afterwards). Classes that add nothing share one Spring context; a class needing other
 * settings adds {@code @TestPropertySource}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "darkroom.security.admin-token=" + OrchestratorTestSupport.ADMIN_TOKEN,
            "spring.rabbitmq.template.reply-timeout=15s"
        })
@DarkroomInfra({Infra.POSTGRES, Infra.RABBITMQ, Infra.S3, Infra.FAL_SIM})
@Import(OrchestratorTestConfiguration.class)
public @interface OrchestratorIntegrationTest {}
