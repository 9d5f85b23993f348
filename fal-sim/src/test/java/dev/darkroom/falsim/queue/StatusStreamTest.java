package dev.darkroom.falsim.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.darkroom.falsim.SimClient;
import dev.darkroom.falsim.SimTestBase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class StatusStreamTest extends SimTestBase {

    private final HttpClient http = HttpClient.newHttpClient();

    /** Reads a status stream to its end on another thread; the future completes when the server closes it. */
    private CompletableFuture<HttpResponse<Stream<String>>> open(String url, List<String> lines) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Key " + SimClient.KEY)
                .timeout(Duration.ofSeconds(20))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofLines()).thenApply(response -> {
            response.body().forEach(lines::add);
            return response;
        });
    }

    @Test
    void theStreamSendsEachChangePingsAndClosesAfterCompleted() throws Exception {
        JsonNode submitted =
                sim.submit("fal-ai/flux/dev", "{\"prompt\":\"[sim:slow=1s]\"}").json();
        List<String> lines = new CopyOnWriteArrayList<>();

        HttpResponse<Stream<String>> response = open(submitted.get("status_url").asString() + "/stream?logs=1", lines)
                .get();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        List<JsonNode> events = lines.stream()
                .filter(l -> l.startsWith("data: "))
                .map(l -> SimClient.JSON.readTree(l.substring(6)))
                .toList();
        assertThat(events).hasSizeGreaterThanOrEqualTo(2);
        assertThat(events.get(events.size() - 1).get("status").asString()).isEqualTo("COMPLETED");
        assertThat(events.stream().map(e -> e.get("status").asString())).contains("IN_PROGRESS");
        assertThat(lines).contains(": ping");
        int logLines = events.stream().mapToInt(e -> e.get("logs").size()).sum();
        int allLogs = sim.get(submitted.get("status_url").asString() + "?logs=1")
                .json()
                .get("logs")
                .size();
        assertThat(logLines).as("each log line is sent once").isEqualTo(allLogs);
    }

    @Test
    void aStreamWithoutLogsCarriesNullLogs() throws Exception {
        JsonNode submitted = sim.submit("fal-ai/flux/dev", "{\"prompt\":\"[sim:slow=300ms]\"}")
                .json();
        List<String> lines = new CopyOnWriteArrayList<>();

        open(submitted.get("status_url").asString() + "/stream", lines).get();

        assertThat(lines.stream().filter(l -> l.startsWith("data: ")))
                .isNotEmpty()
                .allMatch(l -> l.contains("\"logs\":null"));
    }

    @Test
    void waitingRequestsSeeTheirPositionAndAStreamOfACompletedRequestClosesAtOnce() throws Exception {
        JsonNode stuck =
                sim.submit("fal-ai/flux/dev", "{\"prompt\":\"[sim:stuck]\"}").json();
        List<String> lines = new CopyOnWriteArrayList<>();
        CompletableFuture<?> stream = open(stuck.get("status_url").asString() + "/stream", lines);
        await().until(() -> lines.stream().anyMatch(l -> l.contains("\"queue_position\":0")));

        sim.put(stuck.get("cancel_url").asString());
        stream.get();
        List<String> again = new CopyOnWriteArrayList<>();
        open(stuck.get("status_url").asString() + "/stream", again).get();

        assertThat(lines.get(lines.size() - 2)).contains("\"COMPLETED\"");
        assertThat(again.stream().filter(l -> l.startsWith("data: "))).hasSize(1);
    }

    @Test
    void aStreamOfAnUnknownRequestIsNotFound() throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(sim.base() + "/queue/fal-ai/flux/requests/nope/status/stream"))
                        .header("Authorization", "Key " + SimClient.KEY)
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("\"detail\"");
    }
}
