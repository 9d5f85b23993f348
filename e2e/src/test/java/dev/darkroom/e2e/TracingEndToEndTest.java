package dev.darkroom.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * One trace per job, across processes: the services of the shared platform export their spans over OTLP/HTTP to
 * {@link TraceCollector} in this JVM. A job submitted with a {@code traceparent} of the test's choosing must leave
 * spans of that trace in the gateway, the orchestrator, the worker and the webhook-receiver, the orchestrator's last
 * ones after the receiver's (completion), and the tenant's webhook must arrive with a {@code traceparent} of that
 * trace; each service's log lines for the job carry the trace id; the job view names it.
 */
class TracingEndToEndTest {

    static final SecureRandom RANDOM = new SecureRandom();
    static final List<String> HOPS = List.of("gateway", "orchestrator", "worker-image", "webhook-receiver");

    @Test
    void oneJobIsOneTraceFromTheGatewayThroughWorkerAndReceiverBackToTheOrchestrator() throws IOException {
        Platform platform = SharedPlatform.get();
        List<String> webhookTraceparents = new CopyOnWriteArrayList<>();
        HttpServer endpoint = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        endpoint.createContext("/hooks", exchange -> {
            try (exchange) {
                webhookTraceparents.add(
                        String.valueOf(exchange.getRequestHeaders().getFirst("traceparent")));
                exchange.getRequestBody().readAllBytes();
                exchange.sendResponseHeaders(204, -1);
            }
        });
        endpoint.start();
        try {
            traceOneJob(platform, endpoint, webhookTraceparents);
        } finally {
            endpoint.stop(0);
        }
    }

    private static void traceOneJob(Platform platform, HttpServer endpoint, List<String> webhookTraceparents)
            throws IOException {
        Api api = new Api(platform.gatewayUrl());
        Api.Tenant tenant = api.aTenant(
                "monthly_budget_usd",
                "10.00",
                "webhook_url",
                "http://127.0.0.1:" + endpoint.getAddress().getPort() + "/hooks");
        String traceId = randomHex(16);
        String traceparent = "00-" + traceId + "-" + randomHex(8) + "-01";

        Api.Response created = api.submit(
                tenant.key(),
                Map.of("model", "flux-dev", "input", Map.of("prompt", "a traced lighthouse")),
                Map.of("traceparent", traceparent));
        assertThat(created.status()).as("%s", created.body()).isEqualTo(201);
        String jobId = created.body().get("id").asString();
        JsonNode done = api.awaitStatus(tenant.key(), jobId, Duration.ofSeconds(90), "succeeded", "failed");
        assertThat(done.get("status").asString()).isEqualTo("succeeded");

        TraceCollector collector = TraceCollector.shared();
        Awaitility.await("spans of the job's trace from every hop")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    List<TraceCollector.ReceivedSpan> spans = collector.spans(traceId);
                    assertThat(spans.stream().map(TraceCollector.ReceivedSpan::service))
                            .containsAll(HOPS);
                    long receiverFirst = first(spans, "webhook-receiver");
                    assertThat(spans)
                            .as("the orchestrator completes the job after the receiver's webhook")
                            .anyMatch(s -> s.service().equals("orchestrator") && s.startNanos() > receiverFirst);
                    assertThat(spans)
                            .as("the tenant webhook delivery")
                            .anyMatch(s -> s.service().equals("orchestrator")
                                    && s.name().equals("tenant webhook"));
                    assertThat(webhookTraceparents)
                            .as("the tenant's endpoint receives the job's traceparent")
                            .anyMatch(t -> t.contains(traceId));
                });
        List<TraceCollector.ReceivedSpan> spans = collector.spans(traceId);
        Map<String, List<String>> byService = spans.stream()
                .sorted(Comparator.comparingLong(TraceCollector.ReceivedSpan::startNanos))
                .collect(Collectors.groupingBy(
                        TraceCollector.ReceivedSpan::service,
                        TreeMap::new,
                        Collectors.mapping(TraceCollector.ReceivedSpan::name, Collectors.toList())));
        System.out.printf("[tracing] trace %s: %d spans%n", traceId, spans.size());
        byService.forEach((service, names) -> System.out.printf("[tracing]   %s: %s%n", service, names));
        assertThat(spans.stream().map(TraceCollector.ReceivedSpan::traceId).collect(Collectors.toSet()))
                .isEqualTo(Set.of(traceId));

        for (String service : HOPS) {
            List<String> lines = Files.readAllLines(platform.service(service).log()).stream()
                    .filter(l -> l.contains(jobId))
                    .toList();
            assertThat(lines).as("%s logs the job", service).isNotEmpty();
            assertThat(lines)
                    .as("%s's log lines for the job carry its trace id", service)
                    .allMatch(l -> l.contains(traceId));
            System.out.printf(
                    "[tracing]   %s: %d log lines for the job, all with the trace id%n", service, lines.size());
        }
    }

    private static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private static long first(List<TraceCollector.ReceivedSpan> spans, String service) {
        return spans.stream()
                .filter(s -> s.service().equals(service))
                .mapToLong(TraceCollector.ReceivedSpan::startNanos)
                .min()
                .orElse(Long.MAX_VALUE);
    }
}
