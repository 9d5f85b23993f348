package dev.darkroom.falsim.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.darkroom.falsim.SimTestBase;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Status bodies read the way fal's Python client reads them: {@code data["status"]}, then for IN_QUEUE {@code
 * data["queue_position"]}, for IN_PROGRESS and COMPLETED {@code data["logs"]} (a KeyError when absent, whether or
 * not logs were asked for), and for COMPLETED {@code data.get("metrics")}, {@code data.get("error")}.
 */
class PythonClientStatusTest extends SimTestBase {

    /** {@code data[key]}: Python's dict indexing fails on a missing key, a JSON null is None. */
    private static JsonNode index(JsonNode data, String key) {
        if (!data.has(key)) {
            throw new AssertionError("KeyError: '" + key + "' in " + data);
        }
        return data.get(key);
    }

    /** The client's parse of one status body; returns the logs it read (null for None). */
    private static JsonNode parse(JsonNode data) {
        String status = index(data, "status").asString();
        switch (status) {
            case "IN_QUEUE" -> {
                assertThat(index(data, "queue_position").isInt()).isTrue();
                return null;
            }
            case "IN_PROGRESS", "COMPLETED" -> {
                JsonNode logs = index(data, "logs");
                assertThat(logs.isNull() || logs.isArray())
                        .as("logs is a list or None")
                        .isTrue();
                return logs.isNull() ? null : logs;
            }
            default -> throw new AssertionError("unknown status " + status);
        }
    }

    @Test
    void everyStatusParsesWithAndWithoutLogs() {
        JsonNode stuck =
                sim.submit("fal-ai/flux/dev", "{\"prompt\":\"[sim:stuck]\"}").json();
        JsonNode slow =
                sim.submit("fal-ai/flux/dev", "{\"prompt\":\"[sim:slow=1s]\"}").json();
        await().atMost(Duration.ofSeconds(5))
                .until(() -> sim.get(slow.get("status_url").asString())
                        .json()
                        .get("status")
                        .asString()
                        .equals("IN_PROGRESS"));

        for (String query : new String[] {"", "?logs=0", "?logs=false", "?logs=1", "?logs=true"}) {
            boolean asked = query.endsWith("1") || query.endsWith("true");
            parse(sim.get(stuck.get("status_url").asString() + query).json());
            JsonNode running =
                    parse(sim.get(slow.get("status_url").asString() + query).json());
            assertThat(running != null).as("logs given for %s", query).isEqualTo(asked);
        }
        sim.awaitCompleted(slow);
        assertThat(parse(sim.get(slow.get("status_url").asString() + "?logs=false")
                        .json()))
                .isNull();
        assertThat(parse(sim.get(slow.get("status_url").asString() + "?logs=true")
                        .json()))
                .isNotEmpty();
    }
}
