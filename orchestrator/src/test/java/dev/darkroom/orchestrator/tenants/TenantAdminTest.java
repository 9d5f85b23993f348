package dev.darkroom.orchestrator.tenants;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkroom.orchestrator.OrchestratorIntegrationTest;
import dev.darkroom.orchestrator.OrchestratorTestSupport;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

@OrchestratorIntegrationTest
class TenantAdminTest {

    @Autowired
    OrchestratorTestSupport support;

    @Autowired
    RabbitTemplate rabbit;

    RestClient admin;
    RestClient anonymous;

    @BeforeEach
    void setUp() {
        admin = support.adminClient();
        anonymous = support.client().build();
    }

    @Test
    void aNewTenantFollowsTheStandardPlanUntilItOverridesAField() {
        JsonNode created = post("/v1/admin/tenants", Map.of("name", "Acme")).getBody();
        String id = created.get("id").asString();

        assertThat(created.get("plan").asString()).isEqualTo("standard");
        assertThat(created.get("quota").get("monthly_budget_usd").asString()).isEqualTo("100.00");
        // webhook secrets belong to the tenant's endpoints and are shown only when made; the admin view has none
        assertThat(created.has("webhook_secret")).isFalse();
        assertThat(created.has("webhook_url")).isFalse();

        JsonNode patched = patch(
                        "/v1/admin/tenants/" + id,
                        Map.of(
                                "monthly_budget_usd",
                                "10.00",
                                "max_concurrent_jobs",
                                4,
                                "requests_per_minute",
                                600,
                                "allowed_models",
                                List.of("flux-dev")))
                .getBody();

        assertThat(patched.get("quota").get("monthly_budget_usd").asString()).isEqualTo("10.00");
        assertThat(patched.get("quota").get("allowed_models").toString()).isEqualTo("[\"flux-dev\"]");
        assertThat(patched.get("overrides").propertyNames())
                .containsExactlyInAnyOrder(
                        "monthly_budget_usd", "max_concurrent_jobs", "requests_per_minute", "allowed_models");

        JsonNode cleared = patch(
                        "/v1/admin/tenants/" + id, java.util.Collections.singletonMap("monthly_budget_usd", null))
                .getBody();
        assertThat(cleared.get("quota").get("monthly_budget_usd").asString()).isEqualTo("100.00");
    }

    @Test
    void aTenantMovesToAnotherPlanAndFollowsItsChanges() {
        post(
                "/v1/admin/plans",
                Map.of(
                        "id", "pro",
                        "name", "Pro",
                        "monthly_budget_usd", "500.00",
                        "max_concurrent_jobs", 16,
                        "max_queued_jobs", 5000,
                        "requests_per_minute", 3000,
                        "output_retention_days", 90));
        String id = post("/v1/admin/tenants", Map.of("name", "Big"))
                .getBody()
                .get("id")
                .asString();

        JsonNode onPro =
                put("/v1/admin/tenants/" + id + "/plan", Map.of("plan", "pro")).getBody();
        assertThat(onPro.get("quota").get("max_concurrent_jobs").asInt()).isEqualTo(16);

        patch("/v1/admin/plans/pro", Map.of("max_concurrent_jobs", 20));
        assertThat(get("/v1/admin/tenants/" + id)
                        .get("quota")
                        .get("max_concurrent_jobs")
                        .asInt())
                .isEqualTo(20);
    }

    @Test
    void tenantsAreListedPageByPage() {
        for (int i = 0; i < 3; i++) {
            post("/v1/admin/tenants", Map.of("name", "page-" + i));
        }

        JsonNode first = get("/v1/admin/tenants?limit=2");
        JsonNode second = get(
                "/v1/admin/tenants?limit=2&cursor=" + first.get("next_cursor").asString());

        assertThat(first.get("data")).hasSize(2);
        assertThat(second.get("data").get(0).get("id"))
                .isNotEqualTo(first.get("data").get(1).get("id"));
    }

    @Test
    void badFieldsAreProblemsNamingTheField() {
        var r = post("/v1/admin/tenants", Map.of("name", "x", "monthly_budget_usd", "-1"));

        assertThat(r.getStatusCode().value()).isEqualTo(422);
        assertThat(r.getBody().get("code").asString()).isEqualTo("invalid_request");
        assertThat(r.getBody().get("field").asString()).isEqualTo("monthly_budget_usd");
        assertThat(post("/v1/admin/tenants", Map.of("name", "x", "allowed_models", List.of("dalle")))
                        .getBody()
                        .get("field")
                        .asString())
                .isEqualTo("allowed_models");
    }

    @Test
    void fieldsOfTheWrongJsonTypeAreProblemsNamingTheField() {
        String tenant = post("/v1/admin/tenants", Map.of("name", "Types"))
                .getBody()
                .get("id")
                .asString();
        String key = post("/v1/admin/tenants/" + tenant + "/keys", Map.of())
                .getBody()
                .get("id")
                .asString();

        assertThat(fieldOf(post("/v1/admin/tenants", Map.of("name", "x", "plan", Map.of("id", "standard")))))
                .isEqualTo("plan");
        assertThat(fieldOf(post("/v1/admin/tenants", Map.of("name", "x", "monthly_budget_usd", "1e999999999"))))
                .isEqualTo("monthly_budget_usd");
        assertThat(fieldOf(put("/v1/admin/tenants/" + tenant + "/plan", Map.of("plan", 5))))
                .isEqualTo("plan");
        assertThat(fieldOf(post("/v1/admin/tenants/" + tenant + "/keys", Map.of("name", List.of(1)))))
                .isEqualTo("name");
        assertThat(fieldOf(post("/v1/admin/tenants/" + tenant + "/keys", Map.of("expires_at", 1700000000))))
                .isEqualTo("expires_at");
        assertThat(fieldOf(post(
                        "/v1/admin/tenants/" + tenant + "/keys/" + key + "/rotate",
                        Map.of("grace_period_seconds", "soon"))))
                .isEqualTo("grace_period_seconds");
        assertThat(fieldOf(post("/v1/admin/plans", List.of("not", "an", "object"))))
                .isEqualTo("body");
    }

    @Test
    void aPathThatRoutingAndTheTokenCheckCouldReadDifferentlyIsRefused() {
        var r = anonymous.get().uri("/v1/admin;x/tenants").retrieve().toEntity(JsonNode.class);

        assertThat(r.getStatusCode().value()).isEqualTo(400);
        assertThat(r.getBody().get("code").asString()).isEqualTo("malformed_request");
    }

    @Test
    void theAdminApiNeedsTheAdminToken() {
        var r = anonymous.get().uri("/v1/admin/tenants").retrieve().toEntity(JsonNode.class);

        assertThat(r.getStatusCode().value()).isEqualTo(401);
        assertThat(r.getBody().get("code").asString()).isEqualTo("invalid_admin_token");
    }

    @Test
    void aKeyIsShownOnceResolvesByItsHashAndStopsWorkingWhenRevoked() {
        String tenant = post("/v1/admin/tenants", Map.of("name", "Keys"))
                .getBody()
                .get("id")
                .asString();
        JsonNode key = post("/v1/admin/tenants/" + tenant + "/keys", Map.of("name", "ci"))
                .getBody();
        String secret = key.get("key").asString();

        assertThat(secret).startsWith("dr_live_");
        assertThat(get("/v1/admin/tenants/" + tenant + "/keys")
                        .get(0)
                        .get("key")
                        .isNull())
                .isTrue();
        assertThat(resolve(secret).getStatusCode().value()).isEqualTo(200);
        assertThat(resolve(secret).getBody().get("tenant_id").asString()).isEqualTo(tenant);

        admin.delete()
                .uri("/v1/admin/tenants/" + tenant + "/keys/" + key.get("id").asString())
                .retrieve()
                .toBodilessEntity();

        assertThat(resolve(secret).getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void rotatingAKeyIssuesANewOneAndKeepsTheOldOneForTheGracePeriod() {
        String tenant = post("/v1/admin/tenants", Map.of("name", "Rotate"))
                .getBody()
                .get("id")
                .asString();
        JsonNode old = post("/v1/admin/tenants/" + tenant + "/keys", Map.of()).getBody();

        JsonNode fresh = post(
                        "/v1/admin/tenants/" + tenant + "/keys/" + old.get("id").asString() + "/rotate",
                        Map.of("grace_period_seconds", 3600))
                .getBody();

        assertThat(resolve(fresh.get("key").asString()).getStatusCode().value()).isEqualTo(200);
        assertThat(resolve(old.get("key").asString()).getStatusCode().value()).isEqualTo(200);
        JsonNode listed = get("/v1/admin/tenants/" + tenant + "/keys");
        assertThat(Instant.parse(listed.get(0).get("expires_at").asString()))
                .isAfter(Instant.now().plusSeconds(3000));
    }

    @Test
    void aKeyPastItsExpiryNoLongerResolves() {
        String tenant = post("/v1/admin/tenants", Map.of("name", "Expiring"))
                .getBody()
                .get("id")
                .asString();
        var refused = post("/v1/admin/tenants/" + tenant + "/keys", Map.of("expires_at", "2000-01-01T00:00:00Z"));
        assertThat(refused.getBody().get("field").asString()).isEqualTo("expires_at");
        JsonNode key = post(
                        "/v1/admin/tenants/" + tenant + "/keys",
                        Map.of("expires_at", Instant.now().plusSeconds(3600).toString()))
                .getBody();

        assertThat(resolve(key.get("key").asString())
                        .getBody()
                        .get("expires_at")
                        .asString())
                .isNotBlank();
    }

    @Test
    void aSuspendedTenantsKeysDoNotResolve() {
        String tenant = post("/v1/admin/tenants", Map.of("name", "Suspended"))
                .getBody()
                .get("id")
                .asString();
        String secret = post("/v1/admin/tenants/" + tenant + "/keys", Map.of())
                .getBody()
                .get("key")
                .asString();

        patch("/v1/admin/tenants/" + tenant, Map.of("status", "suspended"));

        assertThat(resolve(secret).getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void theQuotaOfATenantShowsItsLimitsAndWhatIsLeft() {
        String tenant = post("/v1/admin/tenants", Map.of("name", "Quota", "monthly_budget_usd", "5.00"))
                .getBody()
                .get("id")
                .asString();

        JsonNode quota = anonymous
                .get()
                .uri("/v1/quota")
                .header("X-Darkroom-Tenant-Id", tenant)
                .retrieve()
                .body(JsonNode.class);

        assertThat(quota.get("budget_usd").asString()).isEqualTo("5.00");
        assertThat(quota.get("remaining_usd").asString()).isEqualTo("5.00");
        assertThat(quota.get("requests_remaining").asInt()).isEqualTo(600);
        assertThat(quota.get("in_flight_jobs").asInt()).isZero();
    }

    private org.springframework.http.ResponseEntity<JsonNode> resolve(String key) {
        return anonymous
                .get()
                .uri("/internal/api-keys/" + ApiKeys.hash(key))
                .retrieve()
                .toEntity(JsonNode.class);
    }

    private org.springframework.http.ResponseEntity<JsonNode> post(String path, Object body) {
        return send(HttpMethod.POST, path, body);
    }

    private org.springframework.http.ResponseEntity<JsonNode> patch(String path, Object body) {
        return send(HttpMethod.PATCH, path, body);
    }

    private org.springframework.http.ResponseEntity<JsonNode> put(String path, Object body) {
        return send(HttpMethod.PUT, path, body);
    }

    private org.springframework.http.ResponseEntity<JsonNode> send(HttpMethod method, String path, Object body) {
        return admin.method(method)
                .uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .toEntity(JsonNode.class);
    }

    /** The field a 422 problem names. */
    private static String fieldOf(org.springframework.http.ResponseEntity<JsonNode> r) {
        assertThat(r.getStatusCode().value()).isEqualTo(422);
        assertThat(r.getBody().get("code").asString()).isEqualTo("invalid_request");
        return r.getBody().get("field").asString();
    }

    private JsonNode get(String path) {
        return admin.get().uri(path).retrieve().body(JsonNode.class);
    }
}
