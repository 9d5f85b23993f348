package dev.darkroom.falsim.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The simulator's own Ed25519 webhook keys: one signs, all published ones appear in the JWKS. Rotation adds a key
 * that signs from then on and may keep the old one published, as a real key rollover does. Keys are made fresh at
 * startup and survive {@code /_sim/reset}, so receivers' JWKS caches stay valid.
 */
@Component
public class SigningKeys {

    private final List<SigningKey> published = new ArrayList<>();
    private SigningKey active;

    SigningKeys() {
        rotate(false);
    }

    /** Adds a new signing key; the old ones stay in the JWKS only if {@code keepOld}. Answers the new key's id. */
    public final synchronized String rotate(boolean keepOld) {
        SigningKey key = generate();
        if (!keepOld) {
            published.clear();
        }
        published.add(0, key);
        active = key;
        return key.kid();
    }

    /**
     * Signs a UTF-8 message with the active key. The key id comes from the same lock as the signature, so a
     * rotation in between cannot make the admin log name a key that did not sign.
     */
    synchronized Signed sign(String message) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(active.pair().getPrivate());
            signer.update(message.getBytes(StandardCharsets.UTF_8));
            return new Signed(active.kid(), HexFormat.of().formatHex(signer.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    /** RFC 8037 OKP keys, newest first: {@code {"keys":[{"kty":"OKP","crv":"Ed25519","x":...,"kid":...}]}}. */
    public synchronized ObjectNode jwks() {
        ObjectNode jwks = JsonNodeFactory.instance.objectNode();
        ArrayNode keys = jwks.putArray("keys");
        for (SigningKey key : published) {
            keys.addObject()
                    .put("kty", "OKP")
                    .put("crv", "Ed25519")
                    .put("x", key.x())
                    .put("kid", key.kid());
        }
        return jwks;
    }

    private SigningKey generate() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            return new SigningKey("sim-" + UUID.randomUUID().toString().substring(0, 8), pair);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every JDK since 15", e);
        }
    }

    /** One key pair with its id. */
    record SigningKey(String kid, KeyPair pair) {

        /** The raw 32-byte public key, base64url without padding: the last 32 bytes of its X.509 encoding. */
        String x() {
            byte[] encoded = pair.getPublic().getEncoded();
            byte[] raw = Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        }
    }

    /**
     * A signature and the key that made it.
     *
     * @param kid the signing key's id
     * @param signature hex Ed25519 signature
     */
    record Signed(String kid, String signature) {}
}
