package dev.darkroom.orchestrator.webhooks;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** All SQL on {@code webhook_endpoint}; every read and write is scoped to the tenant. */
@Component
class WebhookEndpoints {

    private static final String COLUMNS = """
            id, tenant_id, url, description, event_types, enabled, disabled_reason, secret, previous_secret,
            previous_secret_until, failing_since, created_at, updated_at""";

    private final JdbcClient jdbc;
    private final WebhookSecrets secrets;

    WebhookEndpoints(JdbcClient jdbc, WebhookSecrets secrets) {
        this.jdbc = jdbc;
        this.secrets = secrets;
    }

    /** Locks the tenant's row, so that concurrent creations count each other; false when there is no tenant. */
    boolean lockTenant(UUID tenantId) {
        return jdbc.sql("select id from tenant where id = ? for update")
                .param(tenantId)
                .query(UUID.class)
                .optional()
                .isPresent();
    }

    int count(UUID tenantId) {
        return jdbc.sql("select count(*) from webhook_endpoint where tenant_id = ?")
                .param(tenantId)
                .query(Integer.class)
                .single();
    }

    void insert(WebhookEndpoint e) {
        jdbc.sql("""
                        insert into webhook_endpoint (id, tenant_id, url, description, event_types, enabled, secret,
                                                      created_at, updated_at)
                        values (?, ?, ?, ?, cast(? as text[]), true, ?, ?, ?)
                        """)
                .params(
                        e.id(),
                        e.tenantId(),
                        e.url(),
                        e.description(),
                        types(e.eventTypes()),
                        secrets.seal(e.secret()),
                        Timestamp.from(e.createdAt()),
                        Timestamp.from(e.updatedAt()))
                .update();
    }

    List<WebhookEndpoint> list(UUID tenantId) {
        return jdbc.sql("select " + COLUMNS + " from webhook_endpoint where tenant_id = ? order by created_at, id")
                .param(tenantId)
                .query((rs, n) -> row(rs))
                .list();
    }

    Optional<WebhookEndpoint> find(UUID tenantId, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from webhook_endpoint where tenant_id = ? and id = ?")
                .params(tenantId, id)
                .query((rs, n) -> row(rs))
                .optional();
    }

    /** An endpoint by id alone, for the sender, which acts for every tenant. */
    Optional<WebhookEndpoint> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from webhook_endpoint where id = ?")
                .param(id)
                .query((rs, n) -> row(rs))
                .optional();
    }

    /** Writes the tenant-editable fields; re-enabling clears the reason and the failure clock. */
    void update(WebhookEndpoint e, Instant now) {
        jdbc.sql("""
                        update webhook_endpoint
                           set url = ?, description = ?, event_types = cast(? as text[]), enabled = ?,
                               disabled_reason = case when ? then null else disabled_reason end,
                               failing_since = case when ? then null else failing_since end, updated_at = ?
                         where id = ? and tenant_id = ?
                        """)
                .params(
                        e.url(),
                        e.description(),
                        types(e.eventTypes()),
                        e.enabled(),
                        e.enabled(),
                        e.enabled(),
                        Timestamp.from(now),
                        e.id(),
                        e.tenantId())
                .update();
    }

    boolean delete(UUID tenantId, UUID id) {
        return jdbc.sql("delete from webhook_endpoint where tenant_id = ? and id = ?")
                        .params(tenantId, id)
                        .update()
                == 1;
    }

    /** The new secret signs from now on; the current one keeps signing until {@code overlapUntil}. */
    void rotate(UUID tenantId, UUID id, String secret, Instant overlapUntil, Instant now) {
        jdbc.sql("""
                        update webhook_endpoint
                           set previous_secret = secret, previous_secret_until = ?, secret = ?, updated_at = ?
                         where tenant_id = ? and id = ?
                        """)
                .params(Timestamp.from(overlapUntil), secrets.seal(secret), Timestamp.from(now), tenantId, id)
                .update();
    }

    /** Marks an endpoint failing from {@code now} unless it already was; returns since when it has been. */
    Instant failing(UUID id, Instant now) {
        return jdbc.sql("""
                        update webhook_endpoint set failing_since = coalesce(failing_since, ?)
                         where id = ? returning failing_since
                        """)
                .params(Timestamp.from(now), id)
                .query(Timestamp.class)
                .optional()
                .map(Timestamp::toInstant)
                .orElse(now);
    }

    void succeeded(UUID id) {
        jdbc.sql("update webhook_endpoint set failing_since = null where id = ? and failing_since is not null")
                .param(id)
                .update();
    }

    /** Disables an enabled endpoint; false when it already was (another attempt got there first). */
    boolean disable(UUID id, String reason, Instant now) {
        return jdbc.sql("""
                                update webhook_endpoint set enabled = false, disabled_reason = ?, updated_at = ?
                                 where id = ? and enabled
                                """).params(reason, Timestamp.from(now), id).update() == 1;
    }

    /** Wakes every replica's sender when this transaction commits. */
    void wakeSenders() {
        WebhookWakeup.notifyOnCommit(jdbc);
    }

    private static String[] types(List<String> types) {
        return types == null ? null : types.toArray(String[]::new);
    }

    private WebhookEndpoint row(ResultSet rs) throws SQLException {
        Array types = rs.getArray("event_types");
        return new WebhookEndpoint(
                rs.getObject("id", UUID.class),
                rs.getObject("tenant_id", UUID.class),
                rs.getString("url"),
                rs.getString("description"),
                types == null ? null : List.of((String[]) types.getArray()),
                rs.getBoolean("enabled"),
                rs.getString("disabled_reason"),
                secrets.open(rs.getString("secret")),
                secrets.open(rs.getString("previous_secret")),
                instant(rs, "previous_secret_until"),
                instant(rs, "failing_since"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
