package dev.darkroom.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class FalSimRequestsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void findsAJobsRequestsByTheJobIdInTheirWebhookUrl() throws Exception {
        FalSimServer fal = FalSimServer.shared();
        UUID job = UUID.randomUUID();
        String requestId = submit(fal, job);
        submit(fal, UUID.randomUUID());

        FalSimRequests requests = fal.requests();

        assertThat(requests.ofJob(job))
                .singleElement()
                .satisfies(r -> assertThat(r.path("request_id").asString()).isEqualTo(requestId));
        assertThat(requests.all()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(requests.request(requestId).path("input").path("prompt").asString())
                .isEqualTo("a lighthouse");
    }

    @Test
    void readsWebhookAttemptsDeliveriesAndCancellationFromARequest() {
        JsonNode request = JSON.readTree("{\"cancel_requested\":false,\"error_type\":\"client_cancelled\","
                + "\"webhook\":{\"deliveries\":[\"DELIVERED\",\"FAILED\"],"
                + "\"attempts\":[{\"status_code\":200},{\"status_code\":null,\"error\":\"refused\"}]}}");

        assertThat(FalSimRequests.webhookStatuses(request)).containsExactly(200, null);
        assertThat(FalSimRequests.webhookDeliveries(request)).containsExactly("DELIVERED", "FAILED");
        assertThat(FalSimRequests.cancelled(request)).isTrue();
        assertThat(FalSimRequests.webhookStatuses(JSON.readTree("{\"webhook\":null}")))
                .isEmpty();
    }

    /** Submits a flux-dev request whose webhook names the job, as Darkroom's workers do; returns fal's request id. */
    private static String submit(FalSimServer fal, UUID job) throws Exception {
        String webhook = "http://127.0.0.1:1/fal/webhooks/" + job + "?token=t";
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(fal.queueUrl() + "/fal-ai/flux/dev?fal_webhook="
                                        + URLEncoder.encode(webhook, StandardCharsets.UTF_8)))
                                .header("Authorization", "Key " + fal.falKey())
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"prompt\":\"a lighthouse\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body()).path("request_id").asString();
    }
}
