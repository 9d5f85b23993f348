package dev.darkroom.receiver.webhooks;

import dev.darkroom.contracts.messages.FalResultReceived;
import dev.darkroom.contracts.messaging.Messaging;
import dev.darkroom.contracts.security.Sha256;
import dev.darkroom.contracts.webhooks.WebhookTokens;
import dev.darkroom.falclient.webhooks.FalWebhookVerifier;
import dev.darkroom.falclient.webhooks.VerifiedWebhook;
import dev.darkroom.falclient.webhooks.WebhookVerificationException;
import dev.darkroom.support.amqp.ConfirmedPublisher;
import dev.darkroom.support.amqp.PublishFailedException;
import dev.darkroom.support.problems.Problems;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * fal's webhook endpoint. Checks, cheapest first: the per-job token (this job's, not expired), the body size, fal's
 * signature over the raw bytes, that it was signed for Darkroom's own fal account, then the body's shape. A webhook that passes is published, confirmed by the broker, and only then answered
 * 200; if the broker does not confirm, 503 makes fal deliver it again.
 */
@RestController
class WebhookController {

    private static final Logger log = LoggerFactory.getLogger(WebhookController.class);

    private final WebhookTokens tokens;
    private final FalWebhookVerifier verifier;
    private final ConfirmedPublisher publisher;
    private final RecentWebhooks recent;
    private final JsonMapper json;
    private final Clock clock;
    private final MeterRegistry meters;
    private final int maxBodyBytes;
    private final String falUserId;

    WebhookController(
            WebhookTokens tokens,
            FalWebhookVerifier verifier,
            ConfirmedPublisher publisher,
            RecentWebhooks recent,
            JsonMapper json,
            Clock clock,
            MeterRegistry meters,
            WebhookProperties properties) {
        this.tokens = tokens;
        this.verifier = verifier;
        this.publisher = publisher;
        this.recent = recent;
        this.json = json;
        this.clock = clock;
        this.meters = meters;
        this.maxBodyBytes = (int) properties.maxBodySize().toBytes();
        this.falUserId = properties.falUserId();
    }

    @PostMapping("/fal/webhooks/{jobId}")
    Map<String, String> receive(
            @PathVariable String jobId,
            @RequestParam(name = "token", required = false) String token,
            HttpServletRequest request)
            throws IOException {
        UUID job = jobIdWithValidToken(jobId, token);
        byte[] raw = RawBody.read(request, maxBodyBytes);
        VerifiedWebhook verified = verify(job, request, raw);
        if (!verified.userId().equals(falUserId)) {
            log.warn("refused a webhook for job {}: signed for fal user {}", job, verified.userId());
            throw WebhookRejectedException.otherFalUser();
        }
        WebhookBody body = WebhookBody.parse(json, raw);
        if (!body.requestId().equals(verified.requestId())) {
            throw WebhookRejectedException.malformed("The body's request_id differs from the signed request id.");
        }
        String sha256 = Sha256.hex(raw);
        if (recent.contains(job, body.requestId(), sha256)) {
            count("duplicate");
            return Map.of("status", "duplicate");
        }
        record(job, body);
        recent.add(job, body.requestId(), sha256);
        count("recorded");
        log.info("recorded fal webhook {} {} for job {}", body.requestId(), body.status(), job);
        return Map.of("status", "recorded");
    }

    @ExceptionHandler(WebhookRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(WebhookRejectedException e) {
        count(e.outcome());
        return ResponseEntity.status(e.status()).body(Problems.of(e));
    }

    private UUID jobIdWithValidToken(String jobId, String token) {
        UUID job;
        try {
            job = UUID.fromString(jobId);
        } catch (IllegalArgumentException e) {
            // no job can have a valid token for a malformed id; saying so would only help a prober
            throw WebhookRejectedException.invalidToken();
        }
        if (!tokens.valid(job, token, clock.instant())) {
            log.warn("refused a webhook for job {}: invalid or expired token", job);
            throw WebhookRejectedException.invalidToken();
        }
        return job;
    }

    private VerifiedWebhook verify(UUID job, HttpServletRequest request, byte[] raw) {
        try {
            return verifier.verify(request::getHeader, raw);
        } catch (WebhookVerificationException e) {
            if (e.reason().isTransient()) {
                log.error("cannot verify a webhook for job {}: {}", job, e.getMessage());
                throw WebhookRejectedException.keysUnavailable();
            }
            log.warn("refused a webhook for job {}: {}", job, e.getMessage());
            throw WebhookRejectedException.invalidSignature();
        }
    }

    private void record(UUID job, WebhookBody body) {
        FalResultReceived message = new FalResultReceived(
                job,
                body.requestId(),
                body.status(),
                body.payload(),
                body.error(),
                body.payloadError(),
                FalResultReceived.Source.WEBHOOK,
                clock.instant());
        try {
            publisher.publish(Messaging.EVENTS_EXCHANGE, Messaging.FAL_RESULT_RECEIVED, message);
        } catch (PublishFailedException | AmqpException e) {
            log.error("could not record fal webhook {} for job {}: {}", body.requestId(), job, e.getMessage());
            throw WebhookRejectedException.brokerUnavailable();
        }
    }

    private void count(String outcome) {
        Counter.builder("darkroom.receiver.webhooks")
                .description("fal webhooks received, by outcome")
                .tag("outcome", outcome)
                .register(meters)
                .increment();
    }
}
