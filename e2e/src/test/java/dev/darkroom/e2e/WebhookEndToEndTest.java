package dev.darkroom.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkroom.testsupport.WebhookReceiver;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tenant webhooks through the gateway: endpoints managed with the tenant's API key, and a slow neighbour that
 * cannot hold up another tenant's webhooks. The attempt deadline is 4 s here so the test sees it cut and retried.
 */
// after the classes on the shared platform (unordered: Order.DEFAULT), which its own platform stops
@Order(Order.DEFAULT + 1)
class WebhookEndToEndTest {

    static final Duration JOB_TIMEOUT = Duration.ofSeconds(60);
    static final JsonMapper JSON = JsonMapper.builder().build();
    static Platform platform;
    static final WebhookReceiver receiver = new WebhookReceiver();

    @BeforeAll
    static void start() {
        platform = Platform.start(
                Map.of(),
                Map.of(
                        "gateway",
                        List.of("--darkroom.gateway.submit-timeout=20s"),
                        "orchestrator",
                        List.of(
                                // the receiver below listens on loopback, which only an operator allow-list permits
                                "--darkroom.webhooks.allowed-hosts=127.0.0.1",
                                "--darkroom.webhooks.timeout=4s",
                                "--darkroom.webhooks.backoff=1s,1s")));
    }

    @AfterAll
    static void stop() {
        platform.close();
        receiver.close();
    }

    @Test
    void aTricklingEndpointOfOneTenantDoesNotDelayAnotherTenantsWebhook() {
        Api api = new Api(platform.gatewayUrl());
        receiver.trickle("/a", Duration.ofSeconds(5));
        Api.Tenant a = api.aTenant();
        Api.Tenant b = api.aTenant();
        String aEndpoint = endpoint(api, a, "/a");
        endpoint(api, b, "/b");

        String aJob = submit(api, a);
        api.awaitStatus(a.key(), aJob, JOB_TIMEOUT, "succeeded");
        Awaitility.await("tenant A's endpoint is being posted to")
                .atMost(Duration.ofSeconds(10))
                .until(() -> !receiver.at("/a").isEmpty());

        String bJob = submit(api, b);
        JsonNode bDone = api.awaitStatus(b.key(), bJob, JOB_TIMEOUT, "succeeded");
        Awaitility.await("tenant B's webhook")
                .atMost(Duration.ofSeconds(10))
                .until(() -> !receiver.at("/b").isEmpty());

        WebhookReceiver.Received bHook = receiver.at("/b").get(0);
        JsonNode payload = JSON.readTree(bHook.body());
        assertThat(payload.get("data").get("id").asString()).isEqualTo(bJob);
        Instant succeeded =
                Instant.parse(bDone.get("timestamps").get("succeeded").asString());
        assertThat(Duration.between(succeeded, bHook.at())).isLessThan(Duration.ofSeconds(1));
        // the payload's output link is the stable one, and it works with B's key
        String output = payload.get("data").get("outputs").get(0).get("url").asString();
        assertThat(output).isEqualTo(platform.gatewayUrl() + "/v1/jobs/" + bJob + "/outputs/0");
        assertThat(Api.downloadOutput(b.key(), output)).isNotEmpty();

        // A's attempt was cut at the deadline, recorded with its error, and retried
        Awaitility.await("tenant A's first attempt recorded")
                .atMost(Duration.ofSeconds(20))
                .until(() -> attempts(api, a, aEndpoint).size() >= 1);
        JsonNode cut = attempts(api, a, aEndpoint).get(0);
        assertThat(cut.get("http_status").asInt()).isEqualTo(200);
        assertThat(cut.get("error").asString()).contains("deadline", "cut off");
        assertThat(cut.get("latency_ms").asLong()).isBetween(3900L, 6000L);
        Awaitility.await("tenant A's delivery retried")
                .atMost(Duration.ofSeconds(20))
                .until(() -> receiver.at("/a").size() >= 2);
    }

    private static String endpoint(Api api, Api.Tenant tenant, String path) {
        Api.Response created = api.post(
                tenant.key(),
                "/v1/webhooks/endpoints",
                Map.of("url", receiver.url(path), "event_types", List.of("job.succeeded")));
        assertThat(created.status()).as("%s", created.body()).isEqualTo(201);
        assertThat(created.body().get("secret").asString()).startsWith("whsec_");
        return created.body().get("id").asString();
    }

    private static String submit(Api api, Api.Tenant tenant) {
        Api.Response r = api.submit(
                tenant.key(), Map.of("model", "flux-dev", "input", Map.of("prompt", "webhook", "aspect_ratio", "1:1")));
        assertThat(r.status()).as("%s", r.body()).isEqualTo(201);
        return r.body().get("id").asString();
    }

    private static List<JsonNode> attempts(Api api, Api.Tenant tenant, String endpoint) {
        Api.Response page = api.get(tenant.key(), "/v1/webhooks/endpoints/" + endpoint + "/deliveries");
        assertThat(page.status()).isEqualTo(200);
        return page.body().get("data").get(0).get("attempts").valueStream().toList();
    }
}
