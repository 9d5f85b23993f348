package dev.darkroom.falsim.queue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkroom.falsim.SimClient.Response;
import dev.darkroom.falsim.SimTestBase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * fal keeps results an hour, six minutes when they are 10 KB or more, or for the storage period when it stores the
 * payload; the clock is moved, never waited for.
 */
class RetentionTest extends SimTestBase {

    private void advance(String by) {
        assertThat(sim.send("POST", "/_sim/clock/advance?by=" + by, null, false).status())
                .isEqualTo(200);
    }

    @Test
    void aResultIsGoneAnHourAfterCompletion() {
        JsonNode submitted =
                sim.submit("fal-ai/flux/dev", "{\"prompt\":\"keep\"}").json();
        sim.awaitCompleted(submitted);
        String resultUrl = submitted.get("response_url").asString();

        advance("59m");
        assertThat(sim.get(resultUrl).status()).isEqualTo(200);
        advance("2m");
        Response expired = sim.get(resultUrl);

        assertThat(expired.status()).isEqualTo(404);
        assertThat(expired.json().get("detail").asString()).isEqualTo("Request not found");
        assertThat(sim.get(submitted.get("status_url").asString())
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("COMPLETED");
    }

    @Test
    void aResultOfTenKilobytesOrMoreIsGoneAfterSixMinutes() {
        // sync_mode inlines the image as a data URI, which makes the result body large
        JsonNode submitted = sim.submit(
                        "fal-ai/flux/dev", "{\"prompt\":\"big\",\"image_size\":\"square_hd\",\"sync_mode\":true}")
                .json();
        sim.awaitCompleted(submitted);
        String resultUrl = submitted.get("response_url").asString();
        Response fresh = sim.get(resultUrl);
        assertThat(fresh.body().length).isGreaterThanOrEqualTo(10 * 1024);
        assertThat(fresh.json().at("/images/0/url").asString()).startsWith("data:image/jpeg;base64,");

        advance("5m");
        assertThat(sim.get(resultUrl).status()).isEqualTo(200);
        advance("2m");

        assertThat(sim.get(resultUrl).status()).isEqualTo(404);
    }

    @Test
    void outputFilesOutliveTheResultUntilTheirOwnLifetime() {
        JsonNode submitted =
                sim.submit("fal-ai/flux/dev", "{\"prompt\":\"file\"}").json();
        sim.awaitCompleted(submitted);
        String fileUrl = sim.get(submitted.get("response_url").asString())
                .json()
                .at("/images/0/url")
                .asString();

        advance("2h");
        assertThat(sim.get(fileUrl).status()).isEqualTo(200);
        advance("23h");

        assertThat(sim.get(fileUrl).status()).isEqualTo(404);
    }

    @Test
    void anObjectLifecyclePreferenceSetsTheOutputFilesLifetime() {
        JsonNode submitted = sim.submit(
                        "fal-ai/flux/dev",
                        "{\"prompt\":\"short-lived\"}",
                        "",
                        "X-Fal-Object-Lifecycle-Preference",
                        "{\"expiration_duration_seconds\":60}")
                .json();
        sim.awaitCompleted(submitted);
        String fileUrl = sim.get(submitted.get("response_url").asString())
                .json()
                .at("/images/0/url")
                .asString();

        advance("2m");

        assertThat(sim.get(fileUrl).status()).isEqualTo(404);
    }

    @Test
    void aStoredPayloadKeepsItsResultForTheStoragePeriodUnlessStoreIoIsOff() {
        JsonNode stored = sim.submit("fal-ai/flux/dev", "{\"prompt\":\"kept\"}", "", "X-Fal-Store-IO", "1")
                .json();
        JsonNode notStored = sim.submit("fal-ai/flux/dev", "{\"prompt\":\"gone\"}", "", "X-Fal-Store-IO", "0")
                .json();
        sim.awaitCompleted(stored);
        sim.awaitCompleted(notStored);

        advance("2h");
        assertThat(sim.get(notStored.get("response_url").asString()).status()).isEqualTo(404);
        assertThat(sim.get(stored.get("response_url").asString()).status()).isEqualTo(200);
        advance("29d");
        assertThat(sim.get(stored.get("response_url").asString()).status()).isEqualTo(200);
        advance("1d");

        assertThat(sim.get(stored.get("response_url").asString()).status()).isEqualTo(404);
    }
}
