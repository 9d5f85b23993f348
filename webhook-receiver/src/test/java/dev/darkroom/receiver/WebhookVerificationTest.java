package dev.darkroom.receiver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.darkroom.falclient.queue.FalSubmission;
import dev.darkroom.receiver.support.FakeOrchestrator.FakeJob;
import dev.darkroom.receiver.support.FalSimAdmin;
import dev.darkroom.receiver.support.WebhookCapture;
import dev.darkroom.receiver.support.WebhookCapture.Captured;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Webhooks fal-sim really signed, caught on their way and replayed to the receiver as sent or altered: the
 * unaltered replay is recorded, so each refusal below is due to its one alteration.
 */
class WebhookVerificationTest extends ReceiverIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    WebhookCapture capture;

    @Test
    void aRealWebhookReplayedExactlyAsSentIsRecorded() {
        Signed webhook = captureRealWebhook();

        HttpResponse<String> response = post(webhookUrl(webhook.job().jobId()), webhook.headers(), webhook.body());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(parse(response.body()).path("status").asString()).isEqualTo("recorded");
        assertThat(tap.published(webhook.job().jobId())).hasSize(1);
    }

    @Test
    void aWebhookWithAWrongTokenIsRefusedWith401AndNothingIsRecorded() {
        Signed webhook = captureRealWebhook();
        UUID jobId = webhook.job().jobId();

        HttpResponse<String> wrongToken = post(
                "http://127.0.0.1:" + port + "/fal/webhooks/" + jobId + "?token="
                        + tokens.token(UUID.randomUUID(), Instant.now().plusSeconds(3600)),
                webhook.headers(),
                webhook.body());
        HttpResponse<String> noToken =
                post("http://127.0.0.1:" + port + "/fal/webhooks/" + jobId, webhook.headers(), webhook.body());

        assertThat(wrongToken.statusCode()).isEqualTo(401);
        assertThat(parse(wrongToken.body()).path("code").asString()).isEqualTo("invalid_webhook_token");
        assertThat(noToken.statusCode()).isEqualTo(401);
        assertThat(tap.published(jobId)).isEmpty();
    }

    @Test
    void falSimsOwnDeliveryToAUrlWithAWrongTokenIsRefused() {
        FakeJob job = orchestrator.register(UUID.randomUUID(), Instant.now(), "flux-dev");
        String forged = "http://127.0.0.1:" + port + "/fal/webhooks/" + job.jobId() + "?token=not-the-token";
        FalSubmission submission = submit("fal-ai/flux/dev", input("a wrong address"), forged);

        await().atMost(PATIENCE).until(() -> FalSimAdmin.webhookStatuses(submission.requestId()), s -> !s.isEmpty());

        assertThat(FalSimAdmin.webhookStatuses(submission.requestId())).first().isEqualTo(401);
        assertThat(tap.published(job.jobId())).isEmpty();
        assertThat(job.claimAnswers()).isEmpty();
    }

    @Test
    void aWebhookWhoseBodyWasChangedIsRefusedWith401AndNothingIsRecorded() {
        Signed webhook = captureRealWebhook();
        byte[] altered = webhook.body().clone();
        int at = new String(altered, StandardCharsets.UTF_8).indexOf("\"OK\"") + 1;
        altered[at] = 'o';

        HttpResponse<String> response = post(webhookUrl(webhook.job().jobId()), webhook.headers(), altered);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(parse(response.body()).path("code").asString()).isEqualTo("invalid_webhook_signature");
        assertThat(tap.published(webhook.job().jobId())).isEmpty();
    }

    @Test
    void aWebhookSignedWithAKeyThatIsNotInFalsJwksIsRefused() throws Exception {
        Signed webhook = captureRealWebhook();
        KeyPair stranger = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(webhook.headers());
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        headers.put("X-Fal-Webhook-Timestamp", timestamp);
        headers.put("X-Fal-Webhook-Signature", sign(stranger, headers, timestamp, webhook.body()));

        HttpResponse<String> response = post(webhookUrl(webhook.job().jobId()), headers, webhook.body());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(parse(response.body()).path("code").asString()).isEqualTo("invalid_webhook_signature");
        assertThat(tap.published(webhook.job().jobId())).isEmpty();
    }

    @Test
    void aWebhookSignedMoreThanFiveMinutesAgoIsRefused() {
        Signed webhook = captureRealWebhook();
        clock.advance(Duration.ofMinutes(6));

        HttpResponse<String> response = post(webhookUrl(webhook.job().jobId()), webhook.headers(), webhook.body());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(parse(response.body()).path("code").asString()).isEqualTo("invalid_webhook_signature");
        assertThat(tap.published(webhook.job().jobId())).isEmpty();
    }

    @Test
    void aWebhookWithoutFalsSignatureHeadersIsRefused() {
        Signed webhook = captureRealWebhook();

        HttpResponse<String> response =
                post(webhookUrl(webhook.job().jobId()), Map.of("Content-Type", "application/json"), webhook.body());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(parse(response.body()).path("code").asString()).isEqualTo("invalid_webhook_signature");
    }

    @Test
    void aBodyLargerThanTheLimitIsRefusedWith413BeforeItIsRead() {
        UUID jobId = UUID.randomUUID();

        HttpResponse<String> response =
                post(webhookUrl(jobId), Map.of("Content-Type", "application/json"), new byte[1024 * 1024 + 1]);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(parse(response.body()).path("code").asString()).isEqualTo("webhook_too_large");
        assertThat(tap.published(jobId)).isEmpty();
    }

    /** Has fal-sim complete a real request and catches the webhook it signs for it. */
    private Signed captureRealWebhook() {
        FakeJob job = orchestrator.register(UUID.randomUUID(), Instant.now(), "flux-dev");
        String name = UUID.randomUUID().toString();
        submit("fal-ai/flux/dev", input("a harbour"), "http://127.0.0.1:" + port + "/test/capture/" + name);
        await().atMost(PATIENCE).until(() -> capture.get(name) != null);
        Captured captured = capture.get(name);
        return new Signed(job, captured.headers(), captured.body());
    }

    private static String sign(KeyPair key, Map<String, String> headers, String timestamp, byte[] body)
            throws Exception {
        String message = String.join(
                "\n",
                headers.get("X-Fal-Webhook-Request-Id"),
                headers.get("X-Fal-Webhook-User-Id"),
                timestamp,
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body)));
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(key.getPrivate());
        signer.update(message.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(signer.sign());
    }

    private record Signed(FakeJob job, Map<String, String> headers, byte[] body) {}
}
