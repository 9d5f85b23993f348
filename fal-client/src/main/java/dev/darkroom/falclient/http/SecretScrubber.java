package dev.darkroom.falclient.http;

/** Removes the API key from text fal sent back, so it can never reach an exception message or a log. */
public final class SecretScrubber {

    /** A secret part shorter than this could match ordinary words; the full key is always scrubbed. */
    private static final int MIN_PART = 8;

    private final String key;
    private final String secretPart;

    public SecretScrubber(String apiKey) {
        this.key = apiKey == null || apiKey.isEmpty() ? null : apiKey;
        int colon = apiKey == null ? -1 : apiKey.indexOf(':');
        String part = colon < 0 ? null : apiKey.substring(colon + 1);
        this.secretPart = part != null && part.length() >= MIN_PART ? part : null;
    }

    public String scrub(String text) {
        String out = text;
        if (key != null) {
            out = out.replace(key, "***");
        }
        if (secretPart != null) {
            out = out.replace(secretPart, "***");
        }
        return out;
    }
}
