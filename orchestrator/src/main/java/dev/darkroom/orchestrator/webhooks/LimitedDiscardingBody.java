package dev.darkroom.orchestrator.webhooks;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads a response body up to a limit, discarding it, and can be cut off from outside. Hand-written because the
 * JDK's {@code BodySubscribers.discarding()} reads without limit and cannot be cancelled, and Java 17 has no
 * limiting subscriber: cancelling the subscription is what makes the client drop a connection whose body trickles.
 */
final class LimitedDiscardingBody implements HttpResponse.BodySubscriber<Void> {

    private final long limit;
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private long seen;
    private volatile Flow.Subscription subscription;
    private volatile boolean cut;

    LimitedDiscardingBody(long limit) {
        this.limit = limit;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (cut) {
            s.cancel();
        } else {
            s.request(1);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        for (ByteBuffer b : buffers) {
            seen += b.remaining();
        }
        if (seen >= limit) {
            // enough: the rest is not read, and the connection is not reused
            subscription.cancel();
            done.complete(null);
        } else {
            subscription.request(1);
        }
    }

    @Override
    public void onError(Throwable error) {
        done.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        done.complete(null);
    }

    @Override
    public CompletionStage<Void> getBody() {
        return done;
    }

    /** Stops reading: the deadline passed. */
    void cut() {
        cut = true;
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
    }
}
