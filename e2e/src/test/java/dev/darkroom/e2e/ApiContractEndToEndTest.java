package dev.darkroom.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkroom.contracts.api.OpenApiDocument;
import dev.darkroom.testsupport.OpenApiContract;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Calls every operation of the OpenAPI document once against the running platform; {@link Api} checks each response
 * against the document, so this class proves the document describes every endpoint as it answers, errors included.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApiContractEndToEndTest {

    static final Duration JOB_TIMEOUT = Duration.ofSeconds(90);
    static final Map<String, Object> A_JOB = Map.of("model", "flux-dev", "input", Map.of("prompt", "a contract"));

    static Api api;
    static Api.Tenant tenant;

    @BeforeAll
    static void platform() {
        api = new Api(SharedPlatform.get().gatewayUrl());
        tenant = api.aTenant("monthly_budget_usd", "5.00");
    }

    @Test
    @Order(1)
    void theDocumentIsServedAsJsonWithoutAKeyAndTheReferenceNamesEveryOperation() {
        Api.Response document = api.send("GET", "/v1/openapi.json", null, null, Map.of());
        Api.Response docs = api.send("GET", "/docs", null, null, Map.of());

        assertThat(document.status()).isEqualTo(200);
        assertThat(document.body()).isEqualTo(OpenApiDocument.tree());
        assertThat(docs.status()).isEqualTo(200);
        String html = docs.body().asString();
        OpenApiDocument.tree()
                .get("paths")
                .forEach(path -> path.forEach(op -> {
                    if (op.has("operationId")) {
                        assertThat(html).contains(op.get("summary").asString());
                    }
                }));
    }

    @Test
    @Order(2)
    void aJobIsSubmittedReadListedEstimatedAndCanceled() {
        Api.Response created = api.submit(tenant.key(), A_JOB, Map.of("Idempotency-Key", "contract-1"));
        assertThat(created.status()).isEqualTo(201);
        String id = created.body().get("id").asString();

        assertThat(api.get(tenant.key(), "/v1/jobs/" + id).status()).isEqualTo(200);
        assertThat(api.get(tenant.key(), "/v1/jobs?limit=1&status=queued").status())
                .isEqualTo(200);
        assertThat(api.post(tenant.key(), "/v1/estimate", A_JOB).status()).isEqualTo(200);
        api.awaitStatus(tenant.key(), id, JOB_TIMEOUT, "succeeded");
        assertThat(api.post(tenant.key(), "/v1/jobs/" + id + "/cancel", null).status())
                .isEqualTo(409);
        assertThat(api.submit(
                                tenant.key(),
                                Map.of("model", "flux-dev", "input", Map.of("prompt", "other")),
                                Map.of("Idempotency-Key", "contract-1"))
                        .status())
                .isEqualTo(422);
        assertThat(api.submit(tenant.key(), "{\"model\":", Map.of()).status()).isEqualTo(400);
        assertThat(api.get(tenant.key(), "/v1/jobs?limit=0").status()).isEqualTo(422);
        assertThat(api.get("dr_live_nobody", "/v1/jobs").status()).isEqualTo(401);
    }

    @Test
    @Order(3)
    void theCatalogUsageAndQuotaAreDescribed() {
        assertThat(api.send("GET", "/v1/models", null, null, Map.of()).status()).isEqualTo(200);
        assertThat(api.send("GET", "/v1/models/flux-dev", null, null, Map.of()).status())
                .isEqualTo(200);
        assertThat(api.send("GET", "/v1/models/nope", null, null, Map.of()).status())
                .isEqualTo(404);
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        assertThat(api.get(tenant.key(), "/v1/usage?from=" + today + "&to=" + today)
                        .status())
                .isEqualTo(200);
        assertThat(api.get(tenant.key(), "/v1/usage?from=yesterday").status()).isEqualTo(422);
        assertThat(api.get(tenant.key(), "/v1/quota").status()).isEqualTo(200);
    }

    @Test
    @Order(4)
    void tenantsPlansAndKeysAreManaged() {
        String plan = "contract-" + System.nanoTime();
        Map<String, Object> quota = new LinkedHashMap<>();
        quota.put("id", plan);
        quota.put("name", "Contract");
        quota.put("monthly_budget_usd", "10.00");
        quota.put("max_concurrent_jobs", 2);
        quota.put("max_queued_jobs", 10);
        quota.put("requests_per_minute", 60);
        quota.put("output_retention_days", 7);
        assertThat(api.admin("POST", "/v1/admin/plans", quota).status()).isEqualTo(201);
        assertThat(api.admin("POST", "/v1/admin/plans", quota).status()).isEqualTo(409);
        assertThat(api.admin("GET", "/v1/admin/plans", null).status()).isEqualTo(200);
        assertThat(api.admin("GET", "/v1/admin/plans/" + plan, null).status()).isEqualTo(200);
        assertThat(api.admin("PATCH", "/v1/admin/plans/" + plan, Map.of("requests_per_minute", 120))
                        .status())
                .isEqualTo(200);

        String t = tenant.id();
        assertThat(api.admin("GET", "/v1/admin/tenants?limit=2", null).status()).isEqualTo(200);
        assertThat(api.admin("GET", "/v1/admin/tenants/" + t, null).status()).isEqualTo(200);
        Map<String, Object> patch = new LinkedHashMap<>();
        patch.put("max_concurrent_jobs", 3);
        patch.put("allowed_models", null);
        assertThat(api.admin("PATCH", "/v1/admin/tenants/" + t, patch).status()).isEqualTo(200);
        assertThat(api.admin("PATCH", "/v1/admin/tenants/" + t, Map.of("colour", "red"))
                        .status())
                .isEqualTo(422);
        assertThat(api.admin("PUT", "/v1/admin/tenants/" + t + "/plan", Map.of("plan", plan))
                        .status())
                .isEqualTo(200);
        assertThat(api.admin("GET", "/v1/admin/tenants/" + t + "/audit", null).status())
                .isEqualTo(200);
        assertThat(api.admin("GET", "/v1/admin/tenants/00000000-0000-0000-0000-000000000000", null)
                        .status())
                .isEqualTo(404);
        assertThat(api.send("GET", "/v1/admin/tenants", "Bearer wrong", null, Map.of())
                        .status())
                .isEqualTo(401);

        Api.Response key = api.admin("POST", "/v1/admin/tenants/" + t + "/keys", Map.of("name", "second"));
        assertThat(key.status()).isEqualTo(201);
        String keyId = key.body().get("id").asString();
        assertThat(api.admin("GET", "/v1/admin/tenants/" + t + "/keys", null).status())
                .isEqualTo(200);
        Api.Response rotated = api.admin(
                "POST", "/v1/admin/tenants/" + t + "/keys/" + keyId + "/rotate", Map.of("grace_period_seconds", 0));
        assertThat(rotated.status()).isEqualTo(201);
        assertThat(api.admin(
                                "DELETE",
                                "/v1/admin/tenants/" + t + "/keys/"
                                        + rotated.body().get("id").asString(),
                                null)
                        .status())
                .isEqualTo(204);
    }

    @Test
    @Order(5)
    void operationsEndpointsAreDescribed() {
        Api.Response queues = api.admin("GET", "/v1/admin/dead-letters", null);
        assertThat(queues.status()).isEqualTo(200);
        String queue = queues.body().get(0).get("queue").asString();
        assertThat(api.admin("GET", "/v1/admin/dead-letters/" + queue + "?limit=5", null)
                        .status())
                .isEqualTo(200);
        assertThat(api.admin("POST", "/v1/admin/dead-letters/" + queue + "/redrive?limit=5", null)
                        .status())
                .isEqualTo(200);
        assertThat(api.admin("GET", "/v1/admin/dead-letters/no-such-queue", null)
                        .status())
                .isEqualTo(404);
        assertThat(api.admin("GET", "/v1/admin/catalog/pricing-check", null).status())
                .isIn(200, 503);
    }

    @Test
    @Order(100)
    void everyOperationOfTheDocumentWasCalled() {
        List<String> operations = OpenApiContract.darkroom().operations();

        assertThat(Api.CALLED).containsAll(operations);
    }
}
