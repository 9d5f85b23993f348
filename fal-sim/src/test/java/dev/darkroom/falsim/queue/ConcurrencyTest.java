package dev.darkroom.falsim.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.darkroom.falsim.AlternateConfigTestBase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Two requests run at a time; the rest wait in order, low priority behind normal. */
class ConcurrencyTest extends AlternateConfigTestBase {

    @Test
    void requestsBeyondTheConcurrencyWaitWithRealQueuePositions() {
        // the first two hold both slots long enough for every check on the waiting ones
        List<JsonNode> submitted = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String prompt = i < 2 ? "[sim:slow=2s]" : "n" + i;
            submitted.add(sim.submit("fal-ai/flux/dev", "{\"prompt\":\"" + prompt + "\"}")
                    .json());
        }

        assertThat(submitted.stream().map(s -> s.get("queue_position").asInt())).containsExactly(0, 0, 0, 1, 2);
        assertThat(status(submitted.get(0))).isEqualTo("IN_PROGRESS");
        assertThat(status(submitted.get(1))).isEqualTo("IN_PROGRESS");
        JsonNode third = sim.get(submitted.get(2).get("status_url").asString()).json();
        assertThat(third.get("status").asString()).isEqualTo("IN_QUEUE");
        assertThat(third.get("queue_position").asInt()).isZero();
        assertThat(sim.get(submitted.get(4).get("status_url").asString())
                        .json()
                        .get("queue_position")
                        .asInt())
                .isEqualTo(2);

        submitted.forEach(sim::awaitCompleted);
        assertThat(maxOverlap(submitted)).isEqualTo(2);
    }

    @Test
    void lowPriorityRunsAfterNormalPriority() {
        sim.submit("fal-ai/flux/dev", "{\"prompt\":\"[sim:slow=1500ms]\"}");
        sim.submit("fal-ai/flux/dev", "{\"prompt\":\"[sim:slow=1500ms]\"}");
        JsonNode low = sim.submit("fal-ai/flux/dev", "{\"prompt\":\"low\"}", "", "X-Fal-Queue-Priority", "low")
                .json();
        JsonNode normal =
                sim.submit("fal-ai/flux/dev", "{\"prompt\":\"normal\"}").json();

        assertThat(low.get("queue_position").asInt()).isZero();
        assertThat(normal.get("queue_position").asInt()).isZero();
        assertThat(sim.get(low.get("status_url").asString())
                        .json()
                        .get("queue_position")
                        .asInt())
                .isEqualTo(1);

        sim.awaitCompleted(low);
        sim.awaitCompleted(normal);
        assertThat(startedAt(normal)).isBefore(startedAt(low));
    }

    private String status(JsonNode submitted) {
        await().atMost(Duration.ofSeconds(2))
                .until(() -> !sim.get(submitted.get("status_url").asString())
                        .json()
                        .get("status")
                        .asString()
                        .equals("IN_QUEUE"));
        return sim.get(submitted.get("status_url").asString())
                .json()
                .get("status")
                .asString();
    }

    private Instant startedAt(JsonNode submitted) {
        return Instant.parse(sim.adminRequest(submitted.get("request_id").asString())
                .get("started_at")
                .asString());
    }

    /** The most requests that were IN_PROGRESS at the same instant. */
    private int maxOverlap(List<JsonNode> submitted) {
        List<Instant[]> spans = submitted.stream()
                .map(s -> sim.adminRequest(s.get("request_id").asString()))
                .map(r -> new Instant[] {
                    Instant.parse(r.get("started_at").asString()),
                    Instant.parse(r.get("completed_at").asString())
                })
                .toList();
        int max = 0;
        for (Instant[] span : spans) {
            int overlapping = (int) spans.stream()
                    .filter(o -> !o[0].isAfter(span[0]) && o[1].isAfter(span[0]))
                    .count();
            max = Math.max(max, overlapping);
        }
        return max;
    }
}
