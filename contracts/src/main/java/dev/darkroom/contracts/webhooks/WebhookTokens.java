package dev.darkroom.contracts.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The token a worker puts in a job's webhook URL and the webhook-receiver checks: {@code <expiry>.<mac>}, the expiry
 * in epoch seconds and the mac base64url (no padding) of HMAC-SHA256 over the job id and that expiry, keyed by a
 * secret both share. It proves the URL came from Darkroom for that job, on top of fal's own signature, and stops
 * working once the job can no longer have a result at fal (a leaked URL is not a key forever).
 */
public final class WebhookTokens {

    private final SecretKeySpec key;

    public WebhookTokens(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("a webhook token secret is required");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** A token for this job that is valid until {@code expiresAt}. */
    public String token(UUID jobId, Instant expiresAt) {
        long expiry = expiresAt.getEpochSecond();
        return expiry + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(mac(jobId, expiry));
    }

    /** Constant-time check of a token from a webhook URL: this job's, and not expired at {@code now}. */
    public boolean valid(UUID jobId, String token, Instant now) {
        if (token == null) {
            return false;
        }
        int dot = token.indexOf('.');
        if (dot < 1 || dot > 19) {
            return false;
        }
        long expiry;
        byte[] given;
        try {
            expiry = Long.parseLong(token.substring(0, dot));
            given = Base64.getUrlDecoder().decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return false;
        }
        // the mac is checked whatever the expiry, so timing tells nothing about which part was wrong
        boolean authentic = MessageDigest.isEqual(given, mac(jobId, expiry));
        return authentic && now.getEpochSecond() <= expiry;
    }

    private byte[] mac(UUID jobId, long expiry) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal((jobId + "\n" + expiry).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
