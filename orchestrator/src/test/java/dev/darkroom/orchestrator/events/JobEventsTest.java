package dev.darkroom.orchestrator.events;

import static dev.darkroom.orchestrator.OrchestratorTestSupport.aFluxJob;
import static org.assertj.core.api.Assertions.assertThat;

import dev.darkroom.orchestrator.OrchestratorIntegrationTest;
import dev.darkroom.orchestrator.OrchestratorTestSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@OrchestratorIntegrationTest
class JobEventsTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    RabbitTemplate rabbit;

    @Autowired
    OrchestratorTestSupport support;

    /** One server-sent event as a client parses it. */
    record Event(long id, String type, JsonNode data) {}

    /** A stream being read on another thread; {@code done} completes when the server ends it. */
    record Reading(List<Event> events, CompletableFuture<Void> done, HttpResponse<Stream<String>> response) {}

    Reading follow(UUID tenant, String path, String lastEventId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("X-Darkroom-Tenant-Id", tenant.toString())
                .header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<Stream<String>> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofLines());
        List<Event> events = java.util.Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<Void> done = CompletableFuture.runAsync(() -> {
            String[] current = new String[3];
            response.body().forEach(line -> {
                if (line.isEmpty()) {
                    if (current[0] != null) {
                        events.add(new Event(Long.parseLong(current[0]), current[1], JSON.readTree(current[2])));
                    }
                    current[0] = current[1] = current[2] = null;
                } else if (line.startsWith("id:")) {
                    current[0] = line.substring(3).trim();
                } else if (line.startsWith("event:")) {
                    current[1] = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    current[2] = line.substring(5);
                }
            });
        });
        return new Reading(events, done, response);
    }

    @Test
    void aJobsStreamShowsEveryStateEndsAfterTheLastAndResumesWithExactlyTheMissedEvents() throws Exception {
        UUID tenant = support.aTenant("max_concurrent_jobs", 1);
        support.submit(aFluxJob(tenant, "{\"prompt\":\"holds the slot\"}"));
        var waiting = aFluxJob(tenant, "{\"prompt\":\"waits\"}");
        support.submit(waiting);
        String path = "/v1/jobs/" + waiting.jobId() + "/events";

        Reading live = follow(tenant, path, null);
        assertThat(live.response().statusCode()).isEqualTo(200);
        assertThat(live.response().headers().firstValue("Content-Type").orElse(""))
                .startsWith("text/event-stream");
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> live.events().size() >= 2);
        HttpResponse<String> cancel = HTTP.send(
                HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port + "/v1/jobs/" + waiting.jobId() + "/cancel"))
                        .header("X-Darkroom-Tenant-Id", tenant.toString())
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(cancel.statusCode()).isEqualTo(200);

        live.done().get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(live.events()).extracting(Event::type).containsExactly("job.accepted", "job.queued", "job.canceled");
        assertThat(live.events()).extracting(Event::id).isSorted().doesNotHaveDuplicates();
        assertThat(live.events().get(2).data().get("status").asString()).isEqualTo("canceled");
        assertThat(live.events().get(2).data().get("id").asString())
                .isEqualTo(waiting.jobId().toString());

        Reading resumed =
                follow(tenant, path, Long.toString(live.events().get(0).id()));
        resumed.done().get(10, java.util.concurrent.TimeUnit.SECONDS);
        // exactly the missed events; their data is the job as it is now (the type names the change)
        assertThat(resumed.events())
                .extracting(Event::id, Event::type)
                .containsExactlyElementsOf(live.events().subList(1, 3).stream()
                        .map(e -> org.assertj.core.groups.Tuple.tuple(e.id(), e.type()))
                        .toList());
    }

    @Test
    void aTenantsStreamCarriesEveryJobAndNoOtherTenants() throws Exception {
        UUID tenant = support.aTenant().create();
        UUID other = support.aTenant().create();
        Reading all = follow(tenant, "/v1/events", null);
        var first = aFluxJob(tenant, "{\"prompt\":\"one\"}");
        var second = aFluxJob(tenant, "{\"prompt\":\"two\"}");
        support.submit(first);
        support.submit(aFluxJob(other, "{\"prompt\":\"not yours\"}"));
        support.submit(second);

        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> List.copyOf(all.events()).stream()
                                .map(e -> e.data().get("id").asString())
                                .distinct()
                                .count()
                        == 2);
        all.response().body().close();

        assertThat(List.copyOf(all.events()))
                .extracting(e -> e.data().get("id").asString())
                .containsOnly(first.jobId().toString(), second.jobId().toString());
    }

    @Test
    void anotherTenantsJobHasNoStream() throws Exception {
        UUID owner = support.aTenant().create();
        var job = aFluxJob(owner, "{\"prompt\":\"mine\"}");
        support.submit(job);

        HttpResponse<String> r = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/jobs/" + job.jobId() + "/events"))
                        .header("X-Darkroom-Tenant-Id", support.aTenant().toString())
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).isEqualTo(404);
    }
}
