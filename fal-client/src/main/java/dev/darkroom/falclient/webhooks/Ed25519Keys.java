package dev.darkroom.falclient.webhooks;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/** Raw Ed25519 keys as JWKS carries them, turned into JDK keys; and the check itself. */
final class Ed25519Keys {

    /** DER header of an X.509 SubjectPublicKeyInfo for Ed25519; the 32 raw key bytes follow it. */
    private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private Ed25519Keys() {}

    /**
     * Decodes a JWK {@code x}. fal's live JWKS has been seen with {@code =} padding, so padded and unpadded input
     * and both base64 alphabets are accepted.
     */
    static PublicKey fromJwkX(String x) {
        String normalised = x.strip().replace('+', '-').replace('/', '_').replaceAll("=+$", "");
        byte[] raw = Base64.getUrlDecoder().decode(normalised.getBytes(StandardCharsets.US_ASCII));
        if (raw.length != 32) {
            throw new IllegalArgumentException("an Ed25519 public key has 32 bytes, not " + raw.length);
        }
        byte[] spki = ByteBuffer.allocate(SPKI_PREFIX.length + 32)
                .put(SPKI_PREFIX)
                .put(raw)
                .array();
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key", e);
        }
    }

    /** True when the key made this signature over this message. */
    static boolean verifies(PublicKey key, byte[] message, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
