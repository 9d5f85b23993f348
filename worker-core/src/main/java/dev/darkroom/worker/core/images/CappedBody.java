package dev.darkroom.worker.core.images;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.ResponseInfo;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads a response body only when it can be a usable image: a 200 with an {@code image/*} type and no declared
 * length above the cap. Anything else is not read at all (the connection is dropped), and a body that grows past
 * the cap is abandoned mid-stream. The body is null in both cases; the caller tells them apart by status and type.
 */
final class CappedBody implements BodyHandler<byte[]> {

    private final long maxBytes;

    CappedBody(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public BodySubscriber<byte[]> apply(ResponseInfo info) {
        boolean wanted = info.statusCode() == 200
                && mediaType(info.headers().firstValue("Content-Type").orElse(""))
                        .startsWith("image/")
                && info.headers().firstValueAsLong("Content-Length").orElse(0) <= maxBytes;
        return new Capped(wanted ? maxBytes : -1);
    }

    /** The media type without parameters, lower case. */
    static String mediaType(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
                .trim()
                .toLowerCase(Locale.ROOT);
    }

    /** Collects up to {@code max} bytes; {@code max < 0} reads nothing. */
    private static final class Capped implements BodySubscriber<byte[]> {

        private final long max;
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private Flow.Subscription subscription;

        Capped(long max) {
            this.max = max;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            if (max < 0) {
                s.cancel();
                result.complete(null);
            } else {
                s.request(Long.MAX_VALUE);
            }
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer item : items) {
                byte[] chunk = new byte[item.remaining()];
                item.get(chunk);
                buffer.write(chunk, 0, chunk.length);
            }
            if (buffer.size() > max) {
                subscription.cancel();
                result.complete(null);
            }
        }

        @Override
        public void onError(Throwable error) {
            result.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            result.complete(buffer.toByteArray());
        }
    }
}
