package dev.darkroom.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkroom.contracts.jobs.JobStatus;
import dev.darkroom.contracts.messages.SubmitJob;
import dev.darkroom.contracts.messages.SubmitJobReply;
import dev.darkroom.contracts.messaging.Messaging;
import dev.darkroom.testsupport.MutableClock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Test builders and calls shared by the orchestrator's integration tests, as a bean: tenants through the admin API,
 * jobs through AMQP as the gateway sends them, jobs read back for {@link OrchestratorAssertions}, and the clock.
 */
public final class OrchestratorTestSupport {

    public static final String ADMIN_TOKEN = "test-admin-token";
    static final JsonMapper JSON = JsonMapper.builder().build();

    private final Environment environment;
    private final RabbitTemplate rabbit;
    private final JdbcClient jdbc;
    private final MutableClock clock;
    private volatile RestClient http;

    OrchestratorTestSupport(Environment environment, RabbitTemplate rabbit, JdbcClient jdbc, MutableClock clock) {
        this.environment = environment;
        this.rabbit = rabbit;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The clock every orchestrator bean reads. */
    public MutableClock clock() {
        return clock;
    }

    /** A tenant on the standard plan; {@link TenantBuilder#create()} records it. */
    /**
     * A tenant with admin-API fields given as name/value pairs ({@code "requests_per_minute", 3}), for the fields the
     * builder has no method for; the builder is the usual way.
     */
    public UUID aTenant(String field, Object value, Object... more) {
        ObjectNode body = JsonMapper.builder().build().createObjectNode();
        body.putPOJO(field, value);
        for (int i = 0; i + 1 < more.length; i += 2) {
            body.putPOJO((String) more[i], more[i + 1]);
        }
        return createTenant(body);
    }

    public TenantBuilder aTenant() {
        return new TenantBuilder(this::createTenant);
    }

    /** A flux-dev job of a new tenant, admitted: queued, or dispatched already. */
    public SubmitJob aQueuedJob() {
        SubmitJob job = aFluxJob(aTenant().create(), "{\"prompt\":\"p\"}");
        assertThat(submit(job).rejection()).isNull();
        return job;
    }

    /** A job as stored, with every state it entered, for {@link OrchestratorAssertions#assertThat(StoredJob)}. */
    public StoredJob job(UUID jobId) {
        return StoredJob.load(jdbc, jobId);
    }

    public JsonNode admin(String method, String path, Object body) {
        return http().method(HttpMethod.valueOf(method))
                .uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body == null ? "{}" : JSON.writeValueAsString(body))
                .retrieve()
                .body(JsonNode.class);
    }

    /** A tenant-scoped GET as the gateway would send it. */
    public JsonNode tenantGet(UUID tenantId, String path) {
        return http().get()
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
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    /** A job's status as stored, as its API name. */
    public static String status(JdbcClient jdbc, UUID jobId) {
        return jdbc.sql("select status from job where id = ?")
                .param(jobId)
                .query(String.class)
                .single();
    }

    /** Whether a job is in that state now. */
    public boolean isIn(UUID jobId, JobStatus state) {
        return state.apiName().equals(status(jdbc, jobId));
    }

    /** A job's ledger entries in order, as {@code "kind amount"}. */
    public static List<String> ledger(JdbcClient jdbc, UUID jobId) {
        return jdbc.sql("select kind || ' ' || amount_usd from ledger_entry where job_id = ? order by id")
                .param(jobId)
                .query(String.class)
                .list();
    }

    private UUID createTenant(ObjectNode body) {
        body.put("name", "tenant-" + UUID.randomUUID());
        JsonNode tenant = http().post()
                .uri("/v1/admin/tenants")
                .contentType(MediaType.APPLICATION_JSON)
                .body(body.toString())
                .retrieve()
                .body(JsonNode.class);
        return UUID.fromString(tenant.get("id").asString());
    }

    /** Where the orchestrator listens; read on use, since the random port is known only once the server runs. */
    public String baseUrl() {
        return "http://127.0.0.1:" + environment.getRequiredProperty("local.server.port");
    }

    /** A client of the orchestrator that hands back error responses instead of throwing, for tests to check. */
    public RestClient.Builder client() {
        return RestClient.builder().baseUrl(baseUrl()).defaultStatusHandler(HttpStatusCode::isError, (req, res) -> {});
    }

    /** {@link #client()} with the admin token. */
    public RestClient adminClient() {
        return client().defaultHeader("Authorization", "Bearer " + ADMIN_TOKEN).build();
    }

    private RestClient http() {
        if (http == null) {
            http = RestClient.builder()
                    .baseUrl(baseUrl())
                    .defaultHeader("Authorization", "Bearer " + ADMIN_TOKEN)
                    .build();
        }
        return http;
    }
}
