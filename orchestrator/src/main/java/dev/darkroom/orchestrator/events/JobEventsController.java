package dev.darkroom.orchestrator.events;

import dev.darkroom.orchestrator.jobs.JobRepository;
import dev.darkroom.orchestrator.jobs.JobViews;
import dev.darkroom.orchestrator.security.TenantScope;
import dev.darkroom.support.problems.InvalidRequestException;
import dev.darkroom.support.problems.NotFoundException;
import java.io.IOException;
import java.time.Clock;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /v1/jobs/{id}/events} and {@code GET /v1/events}: server-sent events, one per state change
 * ({@code id:} the event id, {@code event:} its type such as {@code job.queued}, {@code data:} the job as it is when
 * sent). {@code Last-Event-ID} resumes after that event. A job's stream ends after its terminal event.
 */
@RestController
class JobEventsController {

    private final EventStreams streams;
    private final EventStream.Sources sources;
    private final JobRepository jobs;
    private final JobEventsProperties properties;

    JobEventsController(
            EventStreams streams,
            JobEventLog log,
            JobRepository jobs,
            JobViews views,
            PlatformTransactionManager transactions,
            Clock clock,
            JobEventsProperties properties) {
        TransactionTemplate readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        this.streams = streams;
        this.sources = new EventStream.Sources(log, jobs, views, readOnly, clock);
        this.jobs = jobs;
        this.properties = properties;
    }

    @GetMapping(path = "/v1/jobs/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter job(
            TenantScope scope,
            @PathVariable UUID id,
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId)
            throws IOException {
        if (jobs.findByIdAndTenantId(id, scope.tenantId()).isEmpty()) {
            throw new NotFoundException("job_not_found", "no job " + id);
        }
        return open(scope.tenantId(), id, lastEventId);
    }

    @GetMapping(path = "/v1/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter tenant(TenantScope scope, @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId)
            throws IOException {
        return open(scope.tenantId(), null, lastEventId);
    }

    private SseEmitter open(UUID tenantId, UUID jobId, String lastEventId) throws IOException {
        long after = lastEventId(lastEventId);
        SseEmitter emitter = new SseEmitter(properties.streamTimeout().toMillis());
        EventStream stream = new EventStream(sources, emitter, tenantId, jobId, after, properties.batchSize());
        emitter.onCompletion(() -> streams.remove(stream));
        emitter.onTimeout(() -> streams.remove(stream));
        emitter.onError(e -> streams.remove(stream));
        // the response's headers go out with the first thing sent: a comment at once, so a proxy's response timeout
        // (which runs until the headers) never ends a quiet stream
        emitter.send(SseEmitter.event().comment("stream open"));
        streams.add(stream);
        return emitter;
    }

    private static long lastEventId(String value) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            long id = Long.parseLong(value.trim());
            if (id < 0) {
                throw new NumberFormatException();
            }
            return id;
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("Last-Event-ID", "Last-Event-ID must be an event id this API sent");
        }
    }
}
