package dev.darkroom.receiver.webhooks;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;

/** The request body exactly as sent: the signature covers these bytes, so nothing may parse them first. */
final class RawBody {

    private RawBody() {}

    /** Reads at most {@code maxBytes}; a declared or actual longer body is refused without reading it all. */
    static byte[] read(HttpServletRequest request, int maxBytes) throws IOException {
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            throw WebhookRejectedException.tooLarge(maxBytes);
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(maxBytes + 1);
            if (body.length > maxBytes) {
                throw WebhookRejectedException.tooLarge(maxBytes);
            }
            return body;
        }
    }
}
