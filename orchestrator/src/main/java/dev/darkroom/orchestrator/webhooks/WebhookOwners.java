package dev.darkroom.orchestrator.webhooks;

import dev.darkroom.support.problems.DarkroomException;
import dev.darkroom.support.problems.NotFoundException;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whose webhooks a request manages. Under {@code /v1/admin/tenants/{tenantId}/webhooks} it is that tenant (the
 * admin token was checked by the token filter); under {@code /v1/webhooks} it is the tenant the gateway resolved
 * from the API key, and without one the request is refused: the tenant paths never take a tenant id from the URL.
 */
@Component
class WebhookOwners {

    private final JdbcClient jdbc;

    WebhookOwners(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    UUID owner(UUID adminPathTenant, String gatewayTenant) {
        if (adminPathTenant != null) {
            boolean exists = jdbc.sql("select exists (select 1 from tenant where id = ?)")
                    .param(adminPathTenant)
                    .query(Boolean.class)
                    .single();
            if (!exists) {
                throw new NotFoundException("tenant_not_found", "no tenant " + adminPathTenant);
            }
            return adminPathTenant;
        }
        try {
            return UUID.fromString(gatewayTenant);
        } catch (RuntimeException e) {
            throw new DarkroomException(401, "unauthenticated", "no tenant: call this API through the gateway");
        }
    }
}
