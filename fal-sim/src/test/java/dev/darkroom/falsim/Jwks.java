package dev.darkroom.falsim;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import tools.jackson.databind.JsonNode;

/**
 * Verifies a fal webhook the way fal documents it (docs/fal-protocol.md#webhook-signatures), with nothing but the JDK.
 */
public final class Jwks {

    private static final byte[] ED25519_SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private Jwks() {}

    /** The kid of the JWKS key that verifies this delivery, or null when none does. */
    public static String verifyingKid(JsonNode jwks, WebhookReceiver.Received webhook) throws GeneralSecurityException {
        String message = String.join(
                "\n",
                webhook.headers().get("x-fal-webhook-request-id"),
                webhook.headers().get("x-fal-webhook-user-id"),
                webhook.headers().get("x-fal-webhook-timestamp"),
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(webhook.body())));
        byte[] signature = HexFormat.of().parseHex(webhook.headers().get("x-fal-webhook-signature"));
        for (JsonNode key : jwks.get("keys")) {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(publicKey(key.get("x").asString()));
            verifier.update(message.getBytes(StandardCharsets.UTF_8));
            if (verifier.verify(signature)) {
                return key.get("kid").asString();
            }
        }
        return null;
    }

    private static PublicKey publicKey(String x) throws GeneralSecurityException {
        byte[] raw = Base64.getUrlDecoder().decode(x);
        byte[] spki = ByteBuffer.allocate(44).put(ED25519_SPKI_PREFIX).put(raw).array();
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
    }
}
