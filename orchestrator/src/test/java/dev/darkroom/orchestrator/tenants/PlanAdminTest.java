package dev.darkroom.orchestrator.tenants;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkroom.orchestrator.OrchestratorIntegrationTest;
import dev.darkroom.orchestrator.OrchestratorTestSupport;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

@OrchestratorIntegrationTest
class PlanAdminTest {

    @Autowired
    OrchestratorTestSupport support;

    RestClient admin;

    @BeforeEach
    void setUp() {
        admin = support.adminClient();
    }

    @Test
    void fieldsOnlyATenantHasAreRefusedInAPlanRatherThanIgnored() {
        Map<String, Object> plan = Map.of(
                "id",
                "tenant-fields",
                "name",
                "Tenant fields",
                "monthly_budget_usd",
                "50.00",
                "max_concurrent_jobs",
                2,
                "max_queued_jobs",
                100,
                "requests_per_minute",
                60,
                "output_retention_days",
                7,
                "status",
                "suspended");

        assertThat(unknownField(send(HttpMethod.POST, "/v1/admin/plans", plan))).isEqualTo("status");
        assertThat(send(HttpMethod.GET, "/v1/admin/plans/tenant-fields", null)
                        .getStatusCode()
                        .value())
                .isEqualTo(404);
        assertThat(unknownField(
                        send(HttpMethod.PATCH, "/v1/admin/plans/standard", Map.of("webhook_url", "https://a.test/h"))))
                .isEqualTo("webhook_url");
        assertThat(unknownField(send(HttpMethod.PATCH, "/v1/admin/plans/standard", Map.of("plan", "pro"))))
                .isEqualTo("plan");
    }

    private ResponseEntity<JsonNode> send(HttpMethod method, String path, Object body) {
        RestClient.RequestBodySpec request = admin.method(method).uri(path);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return request.retrieve().toEntity(JsonNode.class);
    }

    /** The field a 422 problem refuses as unknown. */
    private static String unknownField(ResponseEntity<JsonNode> r) {
        assertThat(r.getStatusCode().value()).isEqualTo(422);
        assertThat(r.getBody().get("code").asString()).isEqualTo("invalid_request");
        assertThat(r.getBody().get("detail").asString()).startsWith("unknown field");
        return r.getBody().get("field").asString();
    }
}
