package dev.darkroom.gateway.jobs;

import dev.darkroom.contracts.security.InternalHeaders;
import dev.darkroom.gateway.GatewayProperties;
import dev.darkroom.gateway.auth.ResolvedKey;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.server.ServerRequest;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * {@code Prefer: wait=N} on {@code POST /v1/jobs} (RFC 7240): the answer waits until the job is terminal or N
 * seconds (at most 60) passed. It follows the job's event stream at the orchestrator, which ends with the terminal
 * event, so the answer goes out as soon as the job ends rather than at the next poll.
 */
@Component
class JobWaiter {

    static final int MAX_WAIT_SECONDS = 60;
    private static final ParameterizedTypeReference<ServerSentEvent<JsonNode>> EVENT =
            new ParameterizedTypeReference<>() {};

    private final WebClient orchestrator;

    JobWaiter(GatewayProperties properties, WebClient.Builder webClients) {
        this.orchestrator = webClients
                .baseUrl(properties.orchestratorUrl())
                .defaultHeaders(h -> {
                    if (properties.sendsInternalToken()) {
                        h.set(InternalHeaders.INTERNAL_TOKEN, properties.internalToken());
                    }
                })
                .build();
    }

    /** The seconds a {@code Prefer: wait=N} asks for, at most 60; 0 without one (unknown preferences are ignored). */
    static int requestedSeconds(ServerRequest request) {
        List<String> values = request.headers().header("Prefer");
        for (String value : values) {
            for (String preference : value.split(",")) {
                String p = preference.trim().toLowerCase(Locale.ROOT);
                if (p.matches("wait\\s*=\\s*\\d{1,9}")) {
                    return Math.min(
                            Integer.parseInt(p.substring(p.indexOf('=') + 1).trim()), MAX_WAIT_SECONDS);
                }
            }
        }
        return 0;
    }

    /** The job when it ended, or as it stood when the time ran out; {@code admitted} if its events cannot be read. */
    Mono<JsonNode> await(ResolvedKey key, String jobId, JsonNode admitted, int seconds) {
        return orchestrator
                .get()
                .uri("/v1/jobs/{id}/events", jobId)
                .header(InternalHeaders.TENANT_ID, key.tenantId().toString())
                .header(InternalHeaders.API_KEY_ID, key.keyId().toString())
                .accept(MediaType.TEXT_EVENT_STREAM)
                .retrieve()
                .bodyToFlux(EVENT)
                .take(Duration.ofSeconds(seconds))
                .filter(e -> e.data() != null)
                .map(ServerSentEvent::data)
                .last(admitted)
                .onErrorReturn(admitted);
    }
}
