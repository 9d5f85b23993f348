package dev.darkroom.orchestrator;

import dev.darkroom.contracts.messages.SubmitJob;
import dev.darkroom.contracts.messages.SubmitJobReply;
import dev.darkroom.contracts.messaging.Messaging;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Test builders and calls shared by the orchestrator's tests: tenants through the admin API, jobs through AMQP. */
public final class OrchestratorTestSupport {

    public static final String ADMIN_TOKEN = "test-admin-token";
    static final JsonMapper JSON = JsonMapper.builder().build();

    private final RestClient http;
    private final RabbitTemplate rabbit;

    public OrchestratorTestSupport(int port, RabbitTemplate rabbit) {
        this.http = RestClient.builder()
                .baseUrl("http://127.0.0.1:" + port)
                .defaultHeader("Authorization", "Bearer " + ADMIN_TOKEN)
                .build();
        this.rabbit = rabbit;
    }

    /** A tenant with the given overrides of the standard plan, e.g. {@code "monthly_budget_usd", "10.00"}. */
    public UUID aTenant(Object... overrides) {
        ObjectNode body = JSON.createObjectNode().put("name", "tenant-" + UUID.randomUUID());
        for (int i = 0; i < overrides.length; i += 2) {
            body.set((String) overrides[i], JSON.valueToTree(overrides[i + 1]));
        }
        JsonNode tenant = http.post()
                .uri("/v1/admin/tenants")
                .contentType(MediaType.APPLICATION_JSON)
                .body(body.toString())
                .retrieve()
                .body(JsonNode.class);
        return UUID.fromString(tenant.get("id").asString());
    }

    public JsonNode admin(String method, String path, Object body) {
        return http.method(org.springframework.http.HttpMethod.valueOf(method))
                .uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body == null ? "{}" : JSON.writeValueAsString(body))
                .retrieve()
                .body(JsonNode.class);
    }

    /** A tenant-scoped GET as the gateway would send it. */
    public JsonNode tenantGet(UUID tenantId, String path) {
        return http.get()
                .uri(path)
                .header("X-Darkroom-Tenant-Id", tenantId.toString())
                .retrieve()
                .body(JsonNode.class);
    }

    /** A flux-dev job command. */
    public static SubmitJob aFluxJob(UUID tenantId, String input) {
        return aJob(tenantId, "flux-dev", input);
    }

    public static SubmitJob aJob(UUID tenantId, String model, String input) {
        return new SubmitJob(
                UUID.randomUUID(),
                tenantId,
                UUID.randomUUID(),
                model,
                JSON.readTree(input),
                JSON.createObjectNode().put("order", "42"),
                null,
                null,
                Instant.now());
    }

    public static SubmitJob withIdempotencyKey(SubmitJob c, String key, String hash) {
        return new SubmitJob(
                UUID.randomUUID(),
                c.tenantId(),
                c.apiKeyId(),
                c.model(),
                c.input(),
                c.metadata(),
                key,
                hash,
                c.requestedAt());
    }

    /** Sends the command as the gateway does and waits for admission's reply. */
    public SubmitJobReply submit(SubmitJob command) {
        return rabbit.convertSendAndReceiveAsType(
                Messaging.COMMANDS_EXCHANGE,
                Messaging.SUBMIT_JOB,
                command,
                new ParameterizedTypeReference<SubmitJobReply>() {});
    }

    public static Map<String, Object> props(Object... kv) {
        java.util.LinkedHashMap<String, Object> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    /** A job's status as stored. */
    public static String status(JdbcClient jdbc, UUID jobId) {
        return jdbc.sql("select status from job where id = ?")
                .param(jobId)
                .query(String.class)
                .single();
    }

    /** A job's ledger entries in order, as {@code "kind amount"}. */
    public static List<String> ledger(JdbcClient jdbc, UUID jobId) {
        return jdbc.sql("select kind || ' ' || amount_usd from ledger_entry where job_id = ? order by id")
                .param(jobId)
                .query(String.class)
                .list();
    }
}
