package dev.darkroom.orchestrator.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkroom.testsupport.DarkroomInfra;
import dev.darkroom.testsupport.Infra;
import dev.darkroom.testsupport.TestDatabase;
import dev.darkroom.testsupport.TestPostgres;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The V6_5 migration: a tenant's single webhook URL and secret become its first endpoint, deliveries included. */
@DarkroomInfra(Infra.POSTGRES)
class EndpointMigrationTest {

    @Test
    void aTenantsWebhookUrlAndSecretBecomeItsFirstEndpointWithItsPendingDeliveries() {
        TestPostgres postgres = TestPostgres.shared();
        TestDatabase database = postgres.createDatabase();
        try {
            DriverManagerDataSource ds =
                    new DriverManagerDataSource(database.jdbcUrl(), database.user(), database.password());
            JdbcClient jdbc = JdbcClient.create(ds);
            flyway(ds, "2").migrate();
            UUID subscribed = UUID.randomUUID();
            UUID silent = UUID.randomUUID();
            UUID pending = UUID.randomUUID();
            jdbc.sql("""
                            insert into tenant (id, name, plan_id, status, webhook_url, webhook_secret, created_at,
                                                updated_at)
                            values (?, 'a', 'standard', 'active', 'https://a.test/hooks', 'whsec_c2VjcmV0', now(), now()),
                                   (?, 'b', 'standard', 'active', null, 'whsec_dW51c2Vk', now(), now())
                            """).params(subscribed, silent).update();
            jdbc.sql("""
                            insert into tenant_webhook_delivery (id, tenant_id, event_type, payload, attempts,
                                                                 next_attempt_at, created_at)
                            values (?, ?, 'job.succeeded', '{"type":"job.succeeded"}', 2, now(), now())
                            """).params(pending, subscribed).update();

            flyway(ds, "latest").migrate();

            List<Map<String, Object>> endpoints = jdbc.sql(
                            "select tenant_id, url, secret, enabled, event_types from webhook_endpoint")
                    .query()
                    .listOfRows();
            assertThat(endpoints).hasSize(1);
            assertThat(endpoints.get(0))
                    .containsEntry("tenant_id", subscribed)
                    .containsEntry("url", "https://a.test/hooks")
                    .containsEntry("secret", "whsec_c2VjcmV0")
                    .containsEntry("enabled", true)
                    .containsEntry("event_types", null);
            Map<String, Object> delivery = jdbc.sql("select message_id, status, tries from webhook_delivery")
                    .query()
                    .singleRow();
            // the old row id stays the message id, so a receiver that saw an earlier attempt deduplicates
            assertThat(delivery)
                    .containsEntry("message_id", pending)
                    .containsEntry("status", "pending")
                    .containsEntry("tries", 2);
        } finally {
            postgres.drop(database);
        }
    }

    private static Flyway flyway(DriverManagerDataSource ds, String target) {
        return Flyway.configure()
                .dataSource(ds)
                .locations("classpath:db/migration")
                .target(target)
                .load();
    }
}
