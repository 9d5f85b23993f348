package dev.darkroom.falclient.support;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

/** Signs webhooks the way fal does (docs/fal-protocol.md#webhook-signatures), with a key pair of its own. */
public final class WebhookSigner {

    private final KeyPair keys;

    public WebhookSigner() {
        try {
            keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The raw 32-byte public key: the tail of its X.509 encoding. */
    public byte[] rawPublicKey() {
        byte[] spki = keys.getPublic().getEncoded();
        return Arrays.copyOfRange(spki, spki.length - 32, spki.length);
    }

    /** A JWK as fal publishes it, {@code x} in unpadded base64url. */
    public String jwk() {
        return jwk(Base64.getUrlEncoder().withoutPadding().encodeToString(rawPublicKey()));
    }

    public static String jwk(String x) {
        return "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"" + x + "\"}";
    }

    public static String jwks(String... jwks) {
        return "{\"keys\":[" + String.join(",", jwks) + "]}";
    }

    /** The four webhook headers for this body, signed at the given time. */
    public Map<String, String> headers(String requestId, String userId, Instant at, byte[] body) {
        String timestamp = Long.toString(at.getEpochSecond());
        return Map.of(
                "X-Fal-Webhook-Request-Id", requestId,
                "X-Fal-Webhook-User-Id", userId,
                "X-Fal-Webhook-Timestamp", timestamp,
                "X-Fal-Webhook-Signature", sign(requestId, userId, timestamp, body));
    }

    public String sign(String requestId, String userId, String timestamp, byte[] body) {
        try {
            String digest = HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(body));
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(keys.getPrivate());
            signer.update(
                    String.join("\n", requestId, userId, timestamp, digest).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
