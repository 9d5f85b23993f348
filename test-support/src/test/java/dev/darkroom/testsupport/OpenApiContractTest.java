package dev.darkroom.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class OpenApiContractTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final OpenApiContract contract = OpenApiContract.darkroom();
    static final String ID = "3fa46075-1c2b-4d8e-9f00-0123456789ab";
    static final Map<String, List<String>> JSON_HEADERS = Map.of("content-type", List.of("application/json"));

    static ObjectNode aJob() {
        return (ObjectNode) JSON.readTree("""
                {"id":"%s","status":"queued","model":"flux-dev","input":{"prompt":"p"},"metadata":null,
                 "estimated_cost_usd":"0.025","cost_usd":null,"created_at":"2026-12-02T10:00:00Z",
                 "updated_at":"2026-12-02T10:00:01.123456Z",
                 "timestamps":{"accepted":"2026-12-02T10:00:00Z","queued":"2026-12-02T10:00:01Z"},
                 "outputs":[],"error":null,"cancel_requested_at":null,
                 "links":{"self":"/v1/jobs/%s","cancel":"/v1/jobs/%s/cancel"}}
                """.formatted(ID, ID, ID));
    }

    static List<String> getJob(ObjectNode body) {
        return contract.violations(
                "GET", "/v1/jobs/" + ID, 200, JSON_HEADERS, body.toString().getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aJobAsTheApiRendersItFitsTheDocument() {
        assertThat(getJob(aJob())).isEmpty();
    }

    @Test
    void aFieldOfTheWrongTypeIsCaught() {
        ObjectNode job = aJob();
        job.put("estimated_cost_usd", 0.025);

        assertThat(getJob(job)).singleElement().asString().contains("estimated_cost_usd");
    }

    @Test
    void aMissingRequiredFieldIsCaught() {
        ObjectNode job = aJob();
        job.remove("status");

        assertThat(getJob(job)).singleElement().asString().contains("required").contains("status");
    }

    @Test
    void anUndocumentedFieldIsCaught() {
        ObjectNode job = aJob();
        job.put("priority", 3);

        assertThat(getJob(job)).singleElement().asString().contains("priority");
    }

    @Test
    void aNestedMistakeBehindARefIsCaught() {
        ObjectNode job = aJob();
        ((ObjectNode) job.get("timestamps")).put("paused", "2026-12-02T10:00:00Z");
        job.put("created_at", "yesterday");

        assertThat(getJob(job)).hasSize(2);
    }

    @Test
    void anUndocumentedStatusOrOperationIsCaught() {
        byte[] body = aJob().toString().getBytes(StandardCharsets.UTF_8);

        assertThat(contract.violations("GET", "/v1/jobs/" + ID, 418, JSON_HEADERS, body))
                .singleElement()
                .asString()
                .contains("does not document status 418");
        assertThat(contract.violations("DELETE", "/v1/jobs/" + ID, 200, JSON_HEADERS, body))
                .singleElement()
                .asString()
                .contains("not in the document");
    }

    @Test
    void aRequiredHeaderAndTheContentTypeAreChecked() {
        byte[] body = aJob().toString().getBytes(StandardCharsets.UTF_8);

        assertThat(contract.violations("POST", "/v1/jobs", 201, JSON_HEADERS, body))
                .singleElement()
                .asString()
                .contains("Location");
        assertThat(contract.violations(
                        "POST",
                        "/v1/jobs",
                        201,
                        Map.of("Content-Type", List.of("text/plain"), "Location", List.of("/v1/jobs/" + ID)),
                        body))
                .singleElement()
                .asString()
                .contains("content type");
        assertThat(contract.violations(
                        "POST",
                        "/v1/jobs",
                        201,
                        Map.of("Content-Type", List.of("application/json"), "Location", List.of("/v1/jobs/" + ID)),
                        body))
                .isEmpty();
    }

    @Test
    void aProblemWithACodeTheDocumentDoesNotListIsCaught() {
        String problem = """
                {"type":"https://darkroom.dev/problems/teapot","title":"Not Found","status":404,
                 "detail":"no job","code":"teapot"}""";

        List<String> violations = contract.violations(
                "GET",
                "/v1/jobs/" + ID,
                404,
                Map.of("Content-Type", List.of("application/problem+json")),
                problem.getBytes(StandardCharsets.UTF_8));

        assertThat(violations).singleElement().asString().contains("code");
    }

    @Test
    void requestsAreMatchedToTheirTemplates() {
        assertThat(contract.operation("POST", "/v1/jobs/" + ID + "/cancel")).isEqualTo("POST /v1/jobs/{id}/cancel");
        assertThat(contract.operation("GET", "/v1/jobs?status=queued&limit=2")).isEqualTo("GET /v1/jobs");
        assertThat(contract.operation("GET", "/v1/admin/tenants/" + ID + "/keys"))
                .isEqualTo("GET /v1/admin/tenants/{tenantId}/keys");
        assertThat(contract.operations()).contains("GET /v1/openapi.json", "GET /docs");
    }
}
