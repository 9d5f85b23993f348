package dev.darkroom.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkroom.testsupport.OpenApiContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client following a server-sent event stream of the API: its status and headers are checked against the OpenAPI
 * document when it opens, then its events are parsed on another thread as they arrive.
 */
final class EventStreamReader implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One event: {@code id:}, {@code event:}, {@code data:} as JSON. */
    record Event(long id, String type, JsonNode data) {}

    private final HttpResponse<Stream<String>> response;
    private final List<Event> events = Collections.synchronizedList(new ArrayList<>());
    private final CompletableFuture<Void> ended;

    private EventStreamReader(HttpResponse<Stream<String>> response) {
        this.response = response;
        this.ended = CompletableFuture.runAsync(this::read);
    }

    /** Opens {@code path} on {@code base} with the tenant's key, resuming after {@code lastEventId} when not null. */
    static EventStreamReader open(String base, String key, String path, String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + key)
                .header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        try {
            HttpResponse<Stream<String>> r = Api.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofLines());
            OpenApiContract contract = OpenApiContract.darkroom();
            assertThat(contract.violations(
                            "GET", path, r.statusCode(), r.headers().map(), new byte[0]))
                    .as("the stream's status and headers fit the OpenAPI document")
                    .isEmpty();
            assertThat(r.statusCode()).isEqualTo(200);
            Api.CALLED.add(contract.operation("GET", path));
            return new EventStreamReader(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The events so far. */
    List<Event> events() {
        return List.copyOf(events);
    }

    /** Completes when the server ends the stream. */
    CompletableFuture<Void> ended() {
        return ended;
    }

    private void read() {
        String[] field = new String[3];
        response.body().forEach(line -> {
            if (line.isEmpty()) {
                if (field[0] != null) {
                    events.add(new Event(Long.parseLong(field[0]), field[1], JSON.readTree(field[2])));
                }
                field[0] = field[1] = field[2] = null;
            } else if (line.startsWith("id:")) {
                field[0] = line.substring(3).trim();
            } else if (line.startsWith("event:")) {
                field[1] = line.substring(6).trim();
            } else if (line.startsWith("data:")) {
                field[2] = line.substring(5);
            }
        });
    }

    @Override
    public void close() {
        response.body().close();
    }
}
