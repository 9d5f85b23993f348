package dev.darkroom.receiver.outputs;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;

/**
 * Outputs fal inlines as {@code data:} URIs (RFC 2397) when a request asked for {@code sync_mode}: base64 or
 * percent-encoded, decoded into a temporary file under the same size cap as a download.
 */
final class DataUris {

    private DataUris() {}

    static boolean isDataUri(String url) {
        return url.regionMatches(true, 0, "data:", 0, 5);
    }

    /** The media type the URI declares, or null. */
    static String mediaType(String uri) {
        int comma = uri.indexOf(',');
        if (comma < 0) {
            return null;
        }
        String type = uri.substring(5, comma).split(";", 2)[0].strip();
        return type.isEmpty() ? null : type;
    }

    /** Decodes the URI's data into {@code file}; refuses it when it is malformed or longer than {@code maxBytes}. */
    static void decode(String uri, TempFile file, long maxBytes, int index) throws TempFile.TooLarge {
        int comma = uri.indexOf(',');
        if (comma < 0) {
            throw OutputRejectedException.invalid("output " + index + " is a data: URI without data");
        }
        boolean base64 = uri.substring(5, comma).toLowerCase(Locale.ROOT).endsWith(";base64");
        String data = uri.substring(comma + 1);
        // base64 decodes to three bytes per four characters: refuse a too-large one before decoding anything
        long estimate = base64 ? data.length() / 4 * 3 : data.length();
        if (estimate > maxBytes + 3) {
            throw new TempFile.TooLarge(maxBytes);
        }
        try (InputStream in = base64
                ? Base64.getMimeDecoder().wrap(new ByteArrayInputStream(data.getBytes(StandardCharsets.US_ASCII)))
                : new ByteArrayInputStream(percentDecode(data, index))) {
            file.write(in, maxBytes, TempFile.Deadline.NONE);
        } catch (TempFile.TooLarge e) {
            throw e;
        } catch (IOException | IllegalArgumentException e) {
            throw OutputRejectedException.invalid("output " + index + " is a malformed data: URI");
        }
    }

    private static byte[] percentDecode(String data, int index) {
        byte[] ascii = data.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[ascii.length];
        int length = 0;
        for (int i = 0; i < ascii.length; i++) {
            if (ascii[i] == '%') {
                if (i + 2 >= ascii.length) {
                    throw OutputRejectedException.invalid("output " + index + " is a malformed data: URI");
                }
                int hi = Character.digit(ascii[i + 1], 16);
                int lo = Character.digit(ascii[i + 2], 16);
                if (hi < 0 || lo < 0) {
                    throw OutputRejectedException.invalid("output " + index + " is a malformed data: URI");
                }
                out[length++] = (byte) (hi << 4 | lo);
                i += 2;
            } else {
                out[length++] = ascii[i];
            }
        }
        return Arrays.copyOf(out, length);
    }
}
