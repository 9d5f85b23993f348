package dev.darkroom.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Live job events through the gateway: every state of a job, resume with Last-Event-ID, two gateway replicas. */
class JobEventsEndToEndTest {

    static final Duration JOB_TIMEOUT = Duration.ofSeconds(90);

    static Platform platform;
    static Api api;
    static Api.Tenant tenant;

    @BeforeAll
    static void platform() {
        platform = SharedPlatform.get();
        api = new Api(platform.gatewayUrl());
        tenant = api.aTenant("monthly_budget_usd", "5.00");
    }

    static String submit(String prompt) {
        Api.Response r = api.submit(tenant.key(), Map.of("model", "flux-dev", "input", Map.of("prompt", prompt)));
        assertThat(r.status()).isEqualTo(201);
        return r.body().get("id").asString();
    }

    /** The states the job went through, as event types, in order. */
    static List<String> statesOf(JsonNode job) {
        List<String> types = new ArrayList<>();
        job.get("timestamps").propertyNames().forEach(s -> types.add("job." + s));
        return types;
    }

    @Test
    void aJobIsFollowedFromAcceptedToSucceededSeeingEveryStateThenTheStreamEnds() throws Exception {
        try (EventStreamReader all = EventStreamReader.open(platform.gatewayUrl(), tenant.key(), "/v1/events", null)) {
            String id = submit("followed live");
            try (EventStreamReader one =
                    EventStreamReader.open(platform.gatewayUrl(), tenant.key(), "/v1/jobs/" + id + "/events", null)) {
                one.ended().get(JOB_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                JsonNode done = api.get(tenant.key(), "/v1/jobs/" + id).body();

                assertThat(done.get("status").asString()).isEqualTo("succeeded");
                assertThat(one.events())
                        .extracting(EventStreamReader.Event::type)
                        .containsExactlyElementsOf(statesOf(done));
                assertThat(one.events())
                        .extracting(EventStreamReader.Event::id)
                        .isSorted()
                        .doesNotHaveDuplicates();
                EventStreamReader.Event last = one.events().get(one.events().size() - 1);
                assertThat(last.type()).isEqualTo("job.succeeded");
                assertThat(last.data().get("outputs")).hasSize(1);
                Awaitility.await("the tenant's stream saw the job end")
                        .atMost(Duration.ofSeconds(10))
                        .until(() -> all.events().stream().anyMatch(e -> e.id() == last.id()));
                assertThat(all.events().stream()
                                .filter(e -> e.data().get("id").asString().equals(id)))
                        .extracting(EventStreamReader.Event::id)
                        .containsExactlyElementsOf(one.events().stream()
                                .map(EventStreamReader.Event::id)
                                .toList());
            }
        }
    }

    @Test
    void aReconnectWithLastEventIdGetsExactlyTheMissedEvents() throws Exception {
        String id = submit("resumed");
        api.awaitStatus(tenant.key(), id, JOB_TIMEOUT, "succeeded");
        Api.Response whole = api.get(tenant.key(), "/v1/jobs/" + id + "/events");
        assertThat(whole.status()).isEqualTo(200);
        try (EventStreamReader first =
                EventStreamReader.open(platform.gatewayUrl(), tenant.key(), "/v1/jobs/" + id + "/events", null)) {
            first.ended().get(30, TimeUnit.SECONDS);
            List<EventStreamReader.Event> events = first.events();
            assertThat(events.size()).isGreaterThanOrEqualTo(4);

            try (EventStreamReader resumed = EventStreamReader.open(
                    platform.gatewayUrl(),
                    tenant.key(),
                    "/v1/jobs/" + id + "/events",
                    Long.toString(events.get(1).id()))) {
                resumed.ended().get(30, TimeUnit.SECONDS);

                assertThat(resumed.events())
                        .extracting(EventStreamReader.Event::id)
                        .containsExactlyElementsOf(events.subList(2, events.size()).stream()
                                .map(EventStreamReader.Event::id)
                                .toList());
            }
        }
    }

    @Test
    void twoGatewayReplicasBothStreamTheSameEvents() throws Exception {
        ServiceProcess second = platform.addInstance("gateway", "gateway-events-2");
        try (EventStreamReader a = EventStreamReader.open(platform.gatewayUrl(), tenant.key(), "/v1/events", null);
                EventStreamReader b = EventStreamReader.open(second.url(), tenant.key(), "/v1/events", null)) {
            String id = submit("two gateways");
            api.awaitStatus(tenant.key(), id, JOB_TIMEOUT, "succeeded");

            Awaitility.await("both gateways streamed the job's end")
                    .atMost(Duration.ofSeconds(15))
                    .until(() -> succeeded(a, id) && succeeded(b, id));
            assertThat(ofJob(a, id)).isEqualTo(ofJob(b, id));
        } finally {
            platform.removeInstance("gateway-events-2");
        }
    }

    private static boolean succeeded(EventStreamReader r, String id) {
        return r.events().stream()
                .anyMatch(e -> e.type().equals("job.succeeded")
                        && e.data().get("id").asString().equals(id));
    }

    private static List<Long> ofJob(EventStreamReader r, String id) {
        return r.events().stream()
                .filter(e -> e.data().get("id").asString().equals(id))
                .map(EventStreamReader.Event::id)
                .toList();
    }
}
