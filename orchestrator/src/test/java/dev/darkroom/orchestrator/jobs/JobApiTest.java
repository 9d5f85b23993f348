package dev.darkroom.orchestrator.jobs;

import static dev.darkroom.orchestrator.OrchestratorTestSupport.aFluxJob;
import static dev.darkroom.orchestrator.OrchestratorTestSupport.aJob;
import static org.assertj.core.api.Assertions.assertThat;

import dev.darkroom.orchestrator.OrchestratorIntegrationTest;
import dev.darkroom.orchestrator.OrchestratorTestSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

@OrchestratorIntegrationTest
@TestPropertySource(properties = {"darkroom.security.internal-token=internal-secret"})
class JobApiTest {

    @Autowired
    OrchestratorTestSupport support;

    @Test
    void aTenantPagesThroughItsJobsNewestFirstAndFiltersThem() {
        UUID tenant = support.aTenant().create();
        List<UUID> made = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            var job = aFluxJob(tenant, "{\"prompt\":\"p" + i + "\"}");
            support.submit(job);
            made.add(job.jobId());
        }
        var pro = aJob(tenant, "flux-pro", "{\"prompt\":\"pro\"}");
        support.submit(pro);

        JsonNode first = get(tenant, "/v1/jobs?limit=3");
        JsonNode second = get(
                tenant, "/v1/jobs?limit=3&cursor=" + first.get("next_cursor").asString());

        assertThat(first.get("data")).hasSize(3);
        assertThat(first.get("data").get(0).get("id").asString())
                .isEqualTo(pro.jobId().toString());
        assertThat(second.get("data")).hasSize(1);
        assertThat(second.get("data").get(0).get("id").asString())
                .isEqualTo(made.get(0).toString());
        assertThat(second.get("next_cursor").isNull()).isTrue();
        assertThat(get(tenant, "/v1/jobs?model=flux-pro").get("data")).hasSize(1);
        assertThat(get(tenant, "/v1/jobs?status=succeeded").get("data")).isEmpty();
    }

    @Test
    void anotherTenantSeesNoneOfThem() {
        UUID owner = support.aTenant().create();
        var job = aFluxJob(owner, "{\"prompt\":\"mine\"}");
        support.submit(job);
        UUID other = support.aTenant().create();

        assertThat(get(other, "/v1/jobs").get("data")).isEmpty();
        var r = client(other).get().uri("/v1/jobs/" + job.jobId()).retrieve().toEntity(JsonNode.class);
        assertThat(r.getStatusCode().value()).isEqualTo(404);
        assertThat(r.getBody().get("code").asString()).isEqualTo("job_not_found");
    }

    @Test
    void badQueryParametersAreProblemsAndCallsWithoutTheInternalTokenAreRefused() {
        UUID tenant = support.aTenant().create();

        var badStatus =
                client(tenant).get().uri("/v1/jobs?status=done").retrieve().toEntity(JsonNode.class);
        assertThat(badStatus.getStatusCode().value()).isEqualTo(422);
        assertThat(badStatus.getBody().get("field").asString()).isEqualTo("status");
        var badCursor =
                client(tenant).get().uri("/v1/jobs?cursor=xyz").retrieve().toEntity(JsonNode.class);
        assertThat(badCursor.getBody().get("field").asString()).isEqualTo("cursor");
        var direct = support.client()
                .build()
                .get()
                .uri("/v1/jobs")
                .header("X-Darkroom-Tenant-Id", tenant.toString())
                .retrieve()
                .toEntity(JsonNode.class);
        assertThat(direct.getStatusCode().value()).isEqualTo(401);
        assertThat(direct.getBody().get("code").asString()).isEqualTo("internal_only");
    }

    private JsonNode get(UUID tenant, String path) {
        return client(tenant).get().uri(path).retrieve().body(JsonNode.class);
    }

    private RestClient client(UUID tenant) {
        return support.client()
                .defaultHeader("X-Darkroom-Tenant-Id", tenant.toString())
                .defaultHeader("X-Darkroom-Internal-Token", "internal-secret")
                .build();
    }
}
