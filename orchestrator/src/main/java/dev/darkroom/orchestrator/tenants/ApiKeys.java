package dev.darkroom.orchestrator.tenants;

import dev.darkroom.contracts.security.Sha256;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Key material: {@code dr_live_} followed by 32 random bytes in base64url, so keys are recognisable in logs and by
 * secret scanners. Stored as SHA-256: the keys carry 256 bits of entropy, so a slow password hash would add cost
 * without adding safety, and the gateway can look a key up by its hash.
 */
final class ApiKeys {

    public static final String PREFIX = "dr_live_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeys() {}

    static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Lower-case hex SHA-256 of the key, as stored and as the gateway sends it. */
    public static String hash(String key) {
        return Sha256.hex(key);
    }

    /** What listings show of a key: enough to recognise it, too little to use it. */
    static String displayPrefix(String key) {
        return key.substring(0, PREFIX.length() + 4);
    }
}
