package dev.darkroom.receiver.claims;

import dev.darkroom.contracts.security.InternalHeaders;
import dev.darkroom.falclient.http.HttpClients;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * Claims jobs at the orchestrator ({@code POST /internal/jobs/{id}/claim}). A refusal the orchestrator means (409,
 * or 404 {@code job_not_found}) is an empty answer: the result must be dropped. Anything else that is not 200 throws
 * {@link OrchestratorUnavailableException}, so the message is retried rather than lost; that includes a 404 without
 * the orchestrator's code, which means the URL points at something that is not the orchestrator.
 */
@Component
public class OrchestratorClient {

    private static final Logger log = LoggerFactory.getLogger(OrchestratorClient.class);
    private static final Set<String> DROP_CODES_404 = Set.of("job_not_found");

    private final OrchestratorProperties properties;
    private final HttpClient http;
    private final JsonMapper json;

    OrchestratorClient(OrchestratorProperties properties, JsonMapper json) {
        this.properties = properties;
        this.http = HttpClients.noRedirects(properties.connectTimeout());
        // the orchestrator's API is snake_case; the service's own mapper stays as Boot configured it
        this.json = json.rebuild()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .build();
    }

    /** The claim, or empty when the orchestrator says this result must be dropped. */
    public Optional<Claim> claim(UUID jobId, String falRequestId) {
        HttpResponse<byte[]> response = send(jobId, falRequestId);
        int status = response.statusCode();
        if (status == 200) {
            return Optional.of(parse(jobId, response.body()));
        }
        String code = problemCode(response.body());
        if (status == 409 || (status == 404 && DROP_CODES_404.contains(code))) {
            log.info(
                    "dropping fal result {} for job {}: the orchestrator answered {} {}",
                    falRequestId,
                    jobId,
                    status,
                    code);
            return Optional.empty();
        }
        throw new OrchestratorUnavailableException(
                "claiming job " + jobId + " answered " + status + (code == null ? "" : " " + code), null);
    }

    private HttpResponse<byte[]> send(UUID jobId, String falRequestId) {
        String base = properties.url().toString().replaceAll("/+$", "");
        URI uri = URI.create(base + "/internal/jobs/" + jobId + "/claim");
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(properties.requestTimeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, application/problem+json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(
                        json.writeValueAsBytes(Map.of("fal_request_id", falRequestId))));
        if (properties.internalToken() != null && !properties.internalToken().isBlank()) {
            request.header(InternalHeaders.INTERNAL_TOKEN, properties.internalToken());
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new OrchestratorUnavailableException("cannot reach the orchestrator at " + uri + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OrchestratorUnavailableException("interrupted while claiming job " + jobId, e);
        }
    }

    private Claim parse(UUID jobId, byte[] body) {
        try {
            Claim claim = json.readValue(body, Claim.class);
            if (claim.tenantId() == null || claim.createdAt() == null || claim.model() == null) {
                throw new OrchestratorUnavailableException("the claim of job " + jobId + " lacks fields", null);
            }
            return claim;
        } catch (JacksonException e) {
            throw new OrchestratorUnavailableException("the claim of job " + jobId + " is not readable", e);
        }
    }

    private String problemCode(byte[] body) {
        try {
            JsonNode problem = json.readTree(body);
            JsonNode code = problem == null ? null : problem.get("code");
            return code != null && code.isString() ? code.asString() : null;
        } catch (JacksonException e) {
            return null;
        }
    }
}
