package dev.darkroom.contracts.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The token a worker puts in a job's webhook URL and the webhook-receiver checks: base64url (no padding) of
 * HMAC-SHA256 over the job id, keyed by a secret both share. It proves the URL came from Darkroom for that job, on
 * top of fal's own signature.
 */
public final class WebhookTokens {

    private final SecretKeySpec key;

    public WebhookTokens(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("a webhook token secret is required");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public String token(UUID jobId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac(jobId));
    }

    /** Constant-time check of a token from a webhook URL. */
    public boolean valid(UUID jobId, String token) {
        if (token == null) {
            return false;
        }
        byte[] given;
        try {
            given = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(given, mac(jobId));
    }

    private byte[] mac(UUID jobId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(jobId.toString().getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
