package dev.darkroom.testsupport;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Provisions infrastructure for one application context and names it in the properties Darkroom's services read.
 * Prefer {@link DarkroomInfra} on the test class; call {@link #register} from a {@code @DynamicPropertySource}
 * method when you need to add properties of your own next to it.
 */
public final class DarkroomTestInfra {

    private DarkroomTestInfra() {}

    /**
     * Provisions {@code wanted} and registers its properties.
     *
     * @throws IllegalStateException under {@code CI=true} when Postgres or RabbitMQ is unavailable
     * @throws org.opentest4j.TestAbortedException elsewhere when Postgres or RabbitMQ is unavailable (Spring reports
     *     it as a context failure; {@link DarkroomInfra} skips such a class cleanly instead)
     */
    public static void register(DynamicPropertyRegistry registry, Set<Infra> wanted) {
        properties(wanted).forEach((name, value) -> registry.add(name, () -> value));
    }

    /** Same as {@link #register(DynamicPropertyRegistry, Set)}. */
    public static void register(DynamicPropertyRegistry registry, Infra... wanted) {
        register(registry, wanted.length == 0 ? EnumSet.noneOf(Infra.class) : EnumSet.copyOf(List.of(wanted)));
    }

    /**
     * Provisions {@code wanted} for a new context: a fresh database, empty Darkroom queues, a fresh bucket, the
     * shared fal-sim. Returns the Spring properties that point at them:
     *
     * <ul>
     *   <li>{@code spring.datasource.url/username/password}
     *   <li>{@code spring.rabbitmq.host/port/username/password/virtual-host}
     *   <li>{@code darkroom.storage.endpoint/access-key/secret-key/region/bucket}
     *   <li>{@code darkroom.fal.queue-url/rest-url/cdn-url/jwks-url/api-url/key}
     * </ul>
     */
    public static Map<String, Object> properties(Set<Infra> wanted) {
        InfraResolver resolver = InfraResolver.system();
        wanted.forEach(resolver::require);
        Map<String, Object> properties = new LinkedHashMap<>();
        if (wanted.contains(Infra.POSTGRES)) {
            TestDatabase database = TestPostgres.shared().createDatabase();
            properties.put("spring.datasource.url", database.jdbcUrl());
            properties.put("spring.datasource.username", database.user());
            properties.put("spring.datasource.password", database.password());
        }
        if (wanted.contains(Infra.RABBITMQ)) {
            TestRabbit rabbit = TestRabbit.shared();
            rabbit.deleteDarkroomQueues();
            properties.put("spring.rabbitmq.host", rabbit.host());
            properties.put("spring.rabbitmq.port", rabbit.port());
            properties.put("spring.rabbitmq.username", rabbit.username());
            properties.put("spring.rabbitmq.password", rabbit.password());
            properties.put("spring.rabbitmq.virtual-host", rabbit.virtualHost());
        }
        if (wanted.contains(Infra.S3)) {
            S3Server s3 = S3Server.shared();
            properties.put("darkroom.storage.endpoint", s3.endpoint());
            properties.put("darkroom.storage.access-key", s3.accessKey());
            properties.put("darkroom.storage.secret-key", s3.secretKey());
            properties.put("darkroom.storage.region", s3.region());
            properties.put("darkroom.storage.bucket", s3.newBucket());
        }
        if (wanted.contains(Infra.FAL_SIM)) {
            FalSimServer fal = FalSimServer.shared();
            properties.put("darkroom.fal.queue-url", fal.queueUrl());
            properties.put("darkroom.fal.rest-url", fal.restUrl());
            properties.put("darkroom.fal.cdn-url", fal.cdnUrl());
            properties.put("darkroom.fal.jwks-url", fal.jwksUrl());
            properties.put("darkroom.fal.api-url", fal.apiUrl());
            properties.put("darkroom.fal.key", fal.falKey());
        }
        return properties;
    }
}
