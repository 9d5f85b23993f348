package dev.darkroom.orchestrator.tenants;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkroom.orchestrator.OrchestratorIntegrationTest;
import dev.darkroom.orchestrator.OrchestratorTestSupport;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/** A tenant's {@code nsfw_policy}: drop unless set, one of deliver, drop or fail, and not a plan field. */
@OrchestratorIntegrationTest
class NsfwPolicyTest {

    @LocalServerPort
    int port;

    RestClient admin;

    @BeforeEach
    void setUp() {
        admin = RestClient.builder()
                .baseUrl("http://127.0.0.1:" + port)
                .defaultHeader("Authorization", "Bearer " + OrchestratorTestSupport.ADMIN_TOKEN)
                .defaultStatusHandler(HttpStatusCode::isError, (req, res) -> {})
                .build();
    }

    @Test
    void aTenantDropsFlaggedImagesUnlessItChoosesOtherwise() {
        JsonNode created = send(HttpMethod.POST, "/v1/admin/tenants", Map.of("name", "nsfw-default"))
                .getBody();
        String path = "/v1/admin/tenants/" + created.get("id").asString();
        assertThat(created.get("nsfw_policy").asString()).isEqualTo("drop");

        assertThat(send(HttpMethod.PATCH, path, Map.of("nsfw_policy", "deliver"))
                        .getBody()
                        .get("nsfw_policy")
                        .asString())
                .isEqualTo("deliver");
        assertThat(send(HttpMethod.GET, path, null).getBody().get("nsfw_policy").asString())
                .isEqualTo("deliver");
        Map<String, Object> reset = new HashMap<>();
        reset.put("nsfw_policy", null);
        assertThat(send(HttpMethod.PATCH, path, reset)
                        .getBody()
                        .get("nsfw_policy")
                        .asString())
                .isEqualTo("drop");
    }

    @Test
    void anUnknownPolicyIsRefusedAndAPlanHasNone() {
        ResponseEntity<JsonNode> refused =
                send(HttpMethod.POST, "/v1/admin/tenants", Map.of("name", "nsfw-bad", "nsfw_policy", "blur"));

        assertThat(refused.getStatusCode().value()).isEqualTo(422);
        assertThat(refused.getBody().get("field").asString()).isEqualTo("nsfw_policy");
        ResponseEntity<JsonNode> plan =
                send(HttpMethod.PATCH, "/v1/admin/plans/standard", Map.of("nsfw_policy", "fail"));
        assertThat(plan.getStatusCode().value()).isEqualTo(422);
        assertThat(plan.getBody().get("field").asString()).isEqualTo("nsfw_policy");
    }

    private ResponseEntity<JsonNode> send(HttpMethod method, String path, Object body) {
        RestClient.RequestBodySpec request = admin.method(method).uri(path);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return request.retrieve().toEntity(JsonNode.class);
    }
}
