package dev.darkroom.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkroom.contracts.webhooks.WebhookTokens;
import dev.darkroom.testsupport.FalSimRequests;
import io.minio.ListObjectsArgs;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import javax.imageio.ImageIO;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * One image job through every service, and the ways it must not go wrong. Each test has its own tenant and waits
 * for what it needs, so they pass in any order; the one that stops the orchestrator waits until it is back.
 */
class ImageJobEndToEndTest {

    static final Duration JOB_TIMEOUT = Duration.ofSeconds(90);

    static Platform platform;
    static Api api;
    static Db db;
    Api.Tenant tenant;

    @BeforeAll
    static void platform() {
        platform = SharedPlatform.get();
        api = new Api(platform.gatewayUrl());
        db = new Db(platform.database());
    }

    @BeforeEach
    void tenant() {
        tenant = api.aTenant("monthly_budget_usd", "25.00");
    }

    @Test
    void aTenantGeneratesAnImageThroughEveryService() throws Exception {
        Api.Response created = api.submit(
                tenant.key(),
                Map.of(
                        "model", "flux-dev",
                        "input", Map.of("prompt", "a lighthouse at dusk", "aspect_ratio", "4:3", "seed", 7),
                        "metadata", Map.of("order", "A-1")));

        assertThat(created.status()).isEqualTo(201);
        JsonNode job = created.body();
        assertThat(job.get("status").asString()).isIn("queued", "dispatched", "submitted");
        assertThat(job.get("model").asString()).isEqualTo("flux-dev");
        assertThat(job.get("estimated_cost_usd").asString()).isEqualTo("0.025");
        assertThat(job.get("metadata").get("order").asString()).isEqualTo("A-1");
        assertThat(job.get("created_at").asString()).isNotBlank();
        assertThat(created.header("Location"))
                .isEqualTo("/v1/jobs/" + job.get("id").asString());

        JsonNode done = api.awaitStatus(tenant.key(), job.get("id").asString(), JOB_TIMEOUT, "succeeded", "failed");

        assertThat(done.get("status").asString()).isEqualTo("succeeded");
        assertThat(done.get("cost_usd").asString()).isEqualTo("0.025");
        assertThat(done.get("timestamps").propertyNames())
                .contains("accepted", "queued", "dispatched", "submitted", "succeeded");
        JsonNode output = done.get("outputs").get(0);
        assertThat(output.get("content_type").asString()).isEqualTo("image/jpeg");
        assertThat(output.get("width").asInt()).isEqualTo(1024);
        assertThat(output.get("height").asInt()).isEqualTo(768);
        byte[] file = Api.downloadOutput(tenant.key(), output.get("url").asString());
        assertThat(file).hasSize(output.get("bytes").asInt());
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file)))
                .isEqualTo(output.get("sha256").asString());
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(file));
        assertThat(image.getWidth()).isEqualTo(1024);
        assertThat(image.getHeight()).isEqualTo(768);
    }

    @Test
    void aBadKeyGets401() {
        Api.Response r = api.submit("dr_live_not-a-key", Map.of("model", "flux-dev", "input", Map.of("prompt", "p")));

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.body().get("code").asString()).isEqualTo("invalid_api_key");
    }

    @Test
    void anUnknownModelGets400() {
        Api.Response r = api.submit(tenant.key(), Map.of("model", "flux-nope", "input", Map.of("prompt", "p")));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().get("code").asString()).isEqualTo("unknown_model");
    }

    @Test
    void aMissingPromptGets422NamingThePrompt() {
        Api.Response r = api.submit(tenant.key(), Map.of("model", "flux-dev", "input", Map.of("seed", 1)));

        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body().get("code").asString()).isEqualTo("invalid_input");
        assertThat(r.body().get("field").asString()).isEqualTo("input.prompt");
    }

    @Test
    void anotherTenantCannotSeeTheJob() {
        String id = api.submit(tenant.key(), Map.of("model", "flux-dev", "input", Map.of("prompt", "mine")))
                .body()
                .get("id")
                .asString();
        Api.Tenant other = api.aTenant();

        Api.Response r = api.get(other.key(), "/v1/jobs/" + id);

        assertThat(r.status()).isEqualTo(404);
        assertThat(r.body().get("code").asString()).isEqualTo("job_not_found");
        assertThat(api.get(tenant.key(), "/v1/jobs/" + id).status()).isEqualTo(200);
    }

    @Test
    void aModelErrorAtFalFailsTheJobWithFalsMessageAndCostsNothing() {
        String id = api.submit(
                        tenant.key(), Map.of("model", "flux-dev", "input", Map.of("prompt", "boom [sim:model_error]")))
                .body()
                .get("id")
                .asString();

        JsonNode failed = api.awaitStatus(tenant.key(), id, JOB_TIMEOUT, "failed", "succeeded");

        assertThat(failed.get("status").asString()).isEqualTo("failed");
        assertThat(failed.get("error").get("code").asString()).isEqualTo("content_policy_violation");
        assertThat(failed.get("error").get("message").asString()).contains("flagged by a content checker");
        assertThat(failed.get("error").get("fal_detail")).isNotNull();
        assertThat(failed.get("cost_usd").asString()).isEqualTo("0.00");
    }

    @Test
    void aWebhookWithABadSignatureIsRefusedAndChangesNothing() throws Exception {
        String id = api.submit(tenant.key(), Map.of("model", "flux-dev", "input", Map.of("prompt", "wait [sim:stuck]")))
                .body()
                .get("id")
                .asString();
        JsonNode before = api.awaitStatus(tenant.key(), id, JOB_TIMEOUT, "submitted");
        String token = new WebhookTokens(Platform.WEBHOOK_SECRET)
                .token(UUID.fromString(id), Instant.now().plusSeconds(3600));
        String body = "{\"request_id\":\"forged\",\"gateway_request_id\":\"forged\",\"status\":\"OK\","
                + "\"payload\":{\"images\":[{\"url\":\"http://127.0.0.1:1/x.png\"}]}}";

        HttpResponse<String> r = Api.HTTP.send(
                forgedWebhook(platform.receiverUrl() + "/fal/webhooks/" + id + "?token=" + token, body),
                HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).isEqualTo(401);
        JsonNode after = api.get(tenant.key(), "/v1/jobs/" + id).body();
        assertThat(after.get("status").asString()).isEqualTo("submitted");
        assertThat(after.get("updated_at")).isEqualTo(before.get("updated_at"));
        api.post(tenant.key(), "/v1/jobs/" + id + "/cancel", null);
    }

    @Test
    void aDuplicatedWebhookGivesOneSetOfOutputsAndOneCharge() throws Exception {
        String id = api.submit(
                        tenant.key(),
                        Map.of(
                                "model",
                                "flux-dev",
                                "input",
                                Map.of("prompt", "twice [sim:duplicate_webhook]", "num_images", 2)))
                .body()
                .get("id")
                .asString();

        JsonNode done = api.awaitStatus(tenant.key(), id, JOB_TIMEOUT, "succeeded", "failed");
        assertThat(done.get("status").asString()).isEqualTo("succeeded");
        assertThat(done.get("outputs")).hasSize(2);
        // the job succeeds on the first delivery; only once the second is answered could it have done harm
        UUID job = UUID.fromString(id);
        FalSimRequests fal = platform.fal().requests();
        Awaitility.await("both webhook deliveries answered")
                .atMost(Duration.ofSeconds(30))
                .until(
                        () -> FalSimRequests.webhookDeliveries(fal.ofJob(job).get(0)),
                        List.of("DELIVERED", "DELIVERED")::equals);

        String prefix = tenant.id() + "/";
        long stored = StreamSupport.stream(
                        platform.s3()
                                .client()
                                .listObjects(ListObjectsArgs.builder()
                                        .bucket(platform.bucket())
                                        .prefix(prefix)
                                        .recursive(true)
                                        .build())
                                .spliterator(),
                        false)
                .filter(item -> {
                    try {
                        return item.get().objectName().contains("/" + id + "/");
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .count();
        assertThat(stored).isEqualTo(2);
        assertThat(db.count("select count(*) from ledger_entry where job_id = ? and kind = 'settle'", job))
                .isEqualTo(1);
        assertThat(db.count("select count(*) from job_output where job_id = ?", job))
                .isEqualTo(2);
    }

    @Test
    void aVideoJobProducesAnMp4OfTheRequestedLengthChargedPerSecond() {
        String id = api.submit(
                        tenant.key(),
                        Map.of(
                                "model",
                                "hailuo-02-text-to-video",
                                "input",
                                Map.of("prompt", "waves at night", "duration", 6)))
                .body()
                .get("id")
                .asString();

        JsonNode done = api.awaitStatus(tenant.key(), id, JOB_TIMEOUT, "succeeded", "failed");

        assertThat(done.get("status").asString()).isEqualTo("succeeded");
        JsonNode video = done.get("outputs").get(0);
        assertThat(video.get("content_type").asString()).isEqualTo("video/mp4");
        assertThat(video.get("duration_seconds").decimalValue()).isEqualByComparingTo("6");
        assertThat(done.get("cost_usd").asString()).isEqualTo("0.27");
        byte[] mp4 = Api.downloadOutput(tenant.key(), video.get("url").asString());
        assertThat(new String(mp4, 4, 4, StandardCharsets.US_ASCII)).isEqualTo("ftyp");
    }

    @Test
    void aSubmitWhileTheOrchestratorIsDownIsAcceptedAndCompletesWhenItIsBack() {
        ServiceProcess orchestrator = platform.service("orchestrator");
        // the gateway has seen the key: during an outage it falls back on the key's last good answer
        assertThat(api.get(tenant.key(), "/v1/quota").status()).isEqualTo(200);
        orchestrator.kill();

        Api.Response accepted;
        try {
            accepted = api.submit(tenant.key(), Map.of("model", "flux-dev", "input", Map.of("prompt", "later")));
        } finally {
            orchestrator.start();
            orchestrator.awaitReady(Duration.ofMinutes(3));
        }

        assertThat(accepted.status()).isEqualTo(202);
        assertThat(accepted.body().get("status").asString()).isEqualTo("accepted");
        String id = accepted.body().get("id").asString();
        JsonNode done = api.awaitStatus(tenant.key(), id, JOB_TIMEOUT, "succeeded", "failed");
        assertThat(done.get("status").asString()).isEqualTo("succeeded");
    }

    /** A webhook signed with a key fal's JWKS does not hold, with an otherwise valid shape and a fresh timestamp. */
    private static HttpRequest forgedWebhook(String url, String body) throws Exception {
        var keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String ts = String.valueOf(Instant.now().getEpochSecond());
        String digest = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(keys.getPrivate());
        signer.update(String.join("\n", "forged", "user", ts, digest).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .header("X-Fal-Webhook-Request-Id", "forged")
                .header("X-Fal-Webhook-User-Id", "user")
                .header("X-Fal-Webhook-Timestamp", ts)
                .header("X-Fal-Webhook-Signature", HexFormat.of().formatHex(signer.sign()))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }
}
