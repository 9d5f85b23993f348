package dev.darkroom.orchestrator.events;

import dev.darkroom.contracts.jobs.JobStatus;
import dev.darkroom.orchestrator.jobs.JobRepository;
import dev.darkroom.orchestrator.jobs.JobViews;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One client's open stream: the tenant's events (of one job, or all) after the last one it was sent. {@link #pump}
 * sends what is new and is safe to call from any thread at any time; a per-job stream completes after the job's
 * terminal event.
 */
final class EventStream {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(EventStream.class);

    /** What a stream needs to read events and render the job each one is about. */
    record Sources(JobEventLog log, JobRepository jobs, JobViews views, TransactionTemplate readOnly, Clock clock) {}

    private final Sources sources;
    private final SseEmitter emitter;
    private final UUID tenantId;
    private final UUID jobId;
    private final int batchSize;
    private long lastId;
    private Instant lastSent;
    private boolean closed;

    EventStream(Sources sources, SseEmitter emitter, UUID tenantId, UUID jobId, long lastId, int batchSize) {
        this.sources = sources;
        this.emitter = emitter;
        this.tenantId = tenantId;
        this.jobId = jobId;
        this.lastId = lastId;
        this.batchSize = batchSize;
        this.lastSent = sources.clock().instant();
    }

    UUID tenantId() {
        return tenantId;
    }

    synchronized boolean closed() {
        return closed;
    }

    /** Sends every event not sent yet; false when the stream is over (finished job, or the client went away). */
    synchronized boolean pump() {
        if (closed) {
            return false;
        }
        try {
            boolean more = true;
            while (more && !closed) {
                var events = sources.log().after(tenantId, jobId, lastId, batchSize);
                for (JobEventLog.StoredEvent e : events) {
                    send(e);
                }
                more = events.size() == batchSize;
            }
        } catch (IOException | IllegalStateException e) {
            closed = true;
        }
        return !closed;
    }

    /** A comment line when nothing was sent for {@code every}, so an idle stream shows it is alive. */
    synchronized void heartbeat(java.time.Duration every) {
        Instant now = sources.clock().instant();
        if (closed || lastSent.plus(every).isAfter(now)) {
            return;
        }
        try {
            emitter.send(SseEmitter.event().comment("heartbeat"));
            lastSent = now;
        } catch (IOException | IllegalStateException e) {
            closed = true;
        }
    }

    /** Ends the stream; the client reconnects (to any replica) with its {@code Last-Event-ID}. */
    synchronized void close() {
        if (!closed) {
            closed = true;
            try {
                emitter.complete();
            } catch (IllegalStateException e) {
                log.debug("the stream's response had already ended", e);
            }
        }
    }

    private void send(JobEventLog.StoredEvent e) throws IOException {
        Object view = sources.readOnly()
                .execute(s -> sources.jobs()
                        .findById(e.jobId())
                        .map(sources.views()::view)
                        .orElse(null));
        emitter.send(SseEmitter.event()
                .id(Long.toString(e.id()))
                .name(e.type())
                .data(view, org.springframework.http.MediaType.APPLICATION_JSON));
        lastId = e.id();
        lastSent = sources.clock().instant();
        if (jobId != null && terminal(e.type())) {
            closed = true;
            emitter.complete();
        }
    }

    private static boolean terminal(String type) {
        return type.startsWith("job.")
                && JobStatus.fromApiName(type.substring(4)).isTerminal();
    }
}
