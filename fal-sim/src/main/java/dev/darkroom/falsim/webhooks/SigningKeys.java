package dev.darkroom.falsim.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The simulator's own Ed25519 webhook keys: one signs, all published ones appear in the JWKS. Rotation adds a key
 * that signs from then on and may keep the old one published, as a real key rollover does. Keys are made fresh at
 * startup and survive {@code /_sim/reset}, so receivers' JWKS caches stay valid. Signing uses Bouncy Castle: the
 * JDK 17 provider's Ed25519 cost about a millisecond per webhook, most of what the simulator spent per request.
 */
@Component
public class SigningKeys {

    private final SecureRandom random = new SecureRandom();
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
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, active.privateKey());
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        signer.update(bytes, 0, bytes.length);
        return new Signed(active.kid(), HexFormat.of().formatHex(signer.generateSignature()));
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
        return new SigningKey(
                "sim-" + UUID.randomUUID().toString().substring(0, 8), new Ed25519PrivateKeyParameters(random));
    }

    /** One private key with its id. */
    record SigningKey(String kid, Ed25519PrivateKeyParameters privateKey) {

        /** The raw 32-byte public key, base64url without padding (RFC 8037 {@code x}). */
        String x() {
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(privateKey.generatePublicKey().getEncoded());
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
