package dev.darkroom.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a {@code @SpringBootTest} the infrastructure it names, in its own fresh database and bucket, with empty
 * Darkroom queues:
 *
 * <pre>{@code
 * @SpringBootTest
 * @DarkroomInfra({Infra.POSTGRES, Infra.RABBITMQ, Infra.S3, Infra.FAL_SIM})
 * class AdmissionTest { ... }
 * }</pre>
 *
 * <p>Postgres and RabbitMQ come from the environment ({@code PG_URL}, {@code RABBITMQ_HOST}, ...) or
 * Testcontainers; when neither is there the class fails under {@code CI=true} and is skipped elsewhere. The
 * properties are listed on {@link DarkroomTestInfra#properties}. Classes that share a Spring context share its
 * database: a context is built once per distinct configuration.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(DarkroomInfraCondition.class)
public @interface DarkroomInfra {

    /** The infrastructure the test needs. */
    Infra[] value();
}
