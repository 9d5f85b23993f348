package dev.darkroom.orchestrator.webhooks;

import static dev.darkroom.orchestrator.OrchestratorTestSupport.aFluxJob;
import static org.assertj.core.api.Assertions.assertThat;

import dev.darkroom.contracts.messages.JobCompleted;
import dev.darkroom.contracts.messages.JobSubmitted;
import dev.darkroom.contracts.messages.StoredOutput;
import dev.darkroom.contracts.messages.SubmitJob;
import dev.darkroom.contracts.messaging.Messaging;
import dev.darkroom.orchestrator.OrchestratorTestSupport;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A tenant's webhook API calls as the gateway sends them, and jobs driven to an end over AMQP. */
final class WebhookCalls {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final RestClient http;
    private final RabbitTemplate rabbit;
    private final JdbcClient jdbc;
    final OrchestratorTestSupport support;

    WebhookCalls(OrchestratorTestSupport support, RabbitTemplate rabbit, JdbcClient jdbc) {
        this.http = RestClient.builder()
                .baseUrl(support.baseUrl())
                .defaultStatusHandler(HttpStatusCode::isError, (req, res) -> {})
                .build();
        this.rabbit = rabbit;
        this.jdbc = jdbc;
        this.support = support;
    }

    /** A call as the tenant, any status. */
    ResponseEntity<JsonNode> call(UUID tenant, String method, String path, Object body) {
        RestClient.RequestBodySpec request =
                http.method(HttpMethod.valueOf(method)).uri(path).header("X-Darkroom-Tenant-Id", tenant.toString());
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(JSON.writeValueAsString(body));
        }
        return request.retrieve().toEntity(JsonNode.class);
    }

    /** A new endpoint of the tenant (201 required), with its secret. */
    JsonNode anEndpoint(UUID tenant, Object... fields) {
        Map<String, Object> body = OrchestratorTestSupport.props(fields);
        ResponseEntity<JsonNode> created = call(tenant, "POST", "/v1/webhooks/endpoints", body);
        assertThat(created.getStatusCode().value()).as("%s", created.getBody()).isEqualTo(201);
        return created.getBody();
    }

    List<JsonNode> deliveries(UUID tenant, String endpointId) {
        JsonNode page = call(tenant, "GET", "/v1/webhooks/endpoints/" + endpointId + "/deliveries?limit=100", null)
                .getBody();
        return page.get("data").valueStream().toList();
    }

    /** A flux job admitted for the tenant. */
    SubmitJob aQueuedJob(UUID tenant) {
        SubmitJob job = aFluxJob(tenant, "{\"prompt\":\"p\",\"aspect_ratio\":\"1:1\"}");
        assertThat(support.submit(job).rejection()).isNull();
        return job;
    }

    /** A job that succeeds with one stored output, as the worker and the webhook-receiver report it. */
    SubmitJob aSucceededJob(UUID tenant) {
        SubmitJob job = aQueuedJob(tenant);
        report(job, new java.util.HashMap<>());
        return job;
    }

    /**
     * Reports the job submitted to fal and then completed, noting when its completion was sent; first waits for
     * the dispatcher to hand it to a worker, as a worker's report about a job still queued is refused.
     */
    void report(SubmitJob job, Map<String, Instant> completionSentAt) {
        UUID tenant = job.tenantId();
        Awaitility.await("job " + job.jobId() + " dispatched")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(10))
                .until(() -> !"queued".equals(OrchestratorTestSupport.status(jdbc, job.jobId())));
        rabbit.convertAndSend(
                Messaging.EVENTS_EXCHANGE,
                Messaging.JOB_SUBMITTED,
                new JobSubmitted(
                        job.jobId(),
                        "req-" + job.jobId(),
                        "http://fal/s",
                        "http://fal/r",
                        "http://fal/c",
                        Instant.now()));
        completionSentAt.put(job.jobId().toString(), Instant.now());
        rabbit.convertAndSend(
                Messaging.EVENTS_EXCHANGE,
                Messaging.JOB_COMPLETED,
                new JobCompleted(
                        job.jobId(),
                        "req-" + job.jobId(),
                        List.of(new StoredOutput(
                                0, tenant + "/x/0.jpg", "image/jpeg", 10, "ab", 1024, 1024, null, false)),
                        Instant.now()));
    }

    static JsonNode json(String body) {
        return JSON.readTree(body);
    }
}
