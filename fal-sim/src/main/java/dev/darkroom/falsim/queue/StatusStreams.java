package dev.darkroom.falsim.queue;

import dev.darkroom.falsim.DaemonThreads;
import dev.darkroom.falsim.Resettable;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;

/**
 * Open {@code status/stream} connections (docs/fal-protocol.md#status-stream): a {@code data: {status}} event whenever
 * a request's state, queue position or logs change, a {@code : ping} comment at a fixed interval, and the stream closes
 * after the COMPLETED event. Events carry only log lines not yet sent, which is what fal's JS client accumulates. All
 * writes happen on one thread, so a slow client cannot stall the queue.
 */
@Component
class StatusStreams implements RequestListener, Resettable, DisposableBean {

    private final QueueRunner runner;
    private final QueueProperties properties;
    private final Set<Stream> streams = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService writer =
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("fal-sim-sse"));

    StatusStreams(QueueRunner runner, QueueProperties properties) {
        this.runner = runner;
        this.properties = properties;
        long ping = properties.streamPingInterval().toMillis();
        writer.scheduleAtFixedRate(this::ping, ping, ping, TimeUnit.MILLISECONDS);
    }

    ResponseBodyEmitter open(SimRequest request, boolean logs) {
        ResponseBodyEmitter emitter =
                new ResponseBodyEmitter(properties.streamTimeout().toMillis());
        Stream stream = new Stream(request, logs, emitter);
        emitter.onCompletion(() -> streams.remove(stream));
        emitter.onTimeout(() -> streams.remove(stream));
        emitter.onError(e -> streams.remove(stream));
        streams.add(stream);
        writer.execute(() -> push(stream));
        return emitter;
    }

    @Override
    public void queueChanged() {
        if (!streams.isEmpty()) {
            writer.execute(() -> streams.forEach(this::push));
        }
    }

    private void push(Stream stream) {
        if (!streams.contains(stream)) {
            return;
        }
        SimRequest.View view = stream.request.view();
        int position = runner.position(stream.request);
        int logCount = view.logs().size();
        boolean changed = view.state() != stream.lastState
                || position != stream.lastPosition
                || (stream.logs && logCount != stream.logsSent);
        if (!changed) {
            return;
        }
        String json = StatusBodies.status(view, position, stream.logs ? stream.logsSent : -1)
                .toString();
        stream.lastState = view.state();
        stream.lastPosition = position;
        stream.logsSent = logCount;
        if (send(stream, "data: " + json + "\n\n") && view.state() == RequestState.COMPLETED) {
            streams.remove(stream);
            stream.emitter.complete();
        }
    }

    private void ping() {
        streams.forEach(stream -> send(stream, ": ping\n\n"));
    }

    private boolean send(Stream stream, String text) {
        try {
            stream.emitter.send(text, MediaType.TEXT_PLAIN);
            return true;
        } catch (IOException | IllegalStateException e) {
            // the client went away; nothing to tell it
            streams.remove(stream);
            return false;
        }
    }

    /** The requests are forgotten, so their streams would never see a COMPLETED: end them. */
    @Override
    public void reset() {
        writer.execute(() -> {
            streams.forEach(s -> s.emitter.complete());
            streams.clear();
        });
    }

    @Override
    public void destroy() {
        writer.shutdownNow();
        streams.forEach(s -> s.emitter.complete());
        streams.clear();
    }

    /** One open stream; its progress fields are touched only on the writer thread. */
    private static final class Stream {
        final SimRequest request;
        final boolean logs;
        final ResponseBodyEmitter emitter;
        RequestState lastState;
        int lastPosition = -1;
        int logsSent;

        Stream(SimRequest request, boolean logs, ResponseBodyEmitter emitter) {
            this.request = request;
            this.logs = logs;
            this.emitter = emitter;
        }
    }
}
