package dev.darkroom.support.tracing;

import io.micrometer.tracing.BaggageInScope;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Captures the current trace context as W3C propagation fields ({@code traceparent}, {@code baggage}) and continues a
 * captured one later, on another thread or in another process. Without a tracer (tracing off) it captures nothing
 * and runs tasks as they are.
 */
public class TraceContexts {

    /** Baggage keys, propagated with the trace and copied into the MDC of every log line. */
    public static final String JOB_ID = "jobId";

    public static final String TENANT_ID = "tenantId";

    /** The W3C fields, in the order they are written into a URL. */
    public static final List<String> FIELDS = List.of("traceparent", "tracestate", "baggage");

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, String>> FIELDS_TYPE = new TypeReference<>() {};

    private final ObjectProvider<Tracer> tracer;
    private final ObjectProvider<Propagator> propagator;

    public TraceContexts(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** The current context's propagation fields; empty when no span is current. */
    public Map<String, String> current() {
        Tracer t = tracer.getIfAvailable();
        Propagator p = propagator.getIfAvailable();
        TraceContext context = t == null ? null : t.currentTraceContext().context();
        if (context == null || p == null) {
            return Map.of();
        }
        Map<String, String> fields = new LinkedHashMap<>();
        p.inject(context, fields, Map::put);
        return fields;
    }

    /** {@link #current()} as a JSON object, for a database column; null when there is no current span. */
    public String currentJson() {
        Map<String, String> fields = current();
        return fields.isEmpty() ? null : JSON.writeValueAsString(fields);
    }

    /** Fields stored by {@link #currentJson()}; empty for null. */
    public static Map<String, String> fromJson(String json) {
        return json == null ? Map.of() : JSON.readValue(json, FIELDS_TYPE);
    }

    /** The trace id in a {@code traceparent} field ({@code 00-<trace id>-<span id>-<flags>}), or null. */
    public static String traceId(Map<String, String> fields) {
        String parent = fields == null ? null : fields.get("traceparent");
        String[] parts = parent == null ? new String[0] : parent.split("-");
        return parts.length == 4 ? parts[1] : null;
    }

    /**
     * Runs {@code task} in a new span named {@code name}, a child of the captured context (or the start of a trace when
     * there is none), with the context's baggage in scope.
     */
    public <T> T callIn(Map<String, String> fields, String name, Supplier<T> task) {
        Tracer t = tracer.getIfAvailable();
        Propagator p = propagator.getIfAvailable();
        if (t == null || p == null) {
            return task.get();
        }
        Span span = (fields == null || fields.isEmpty() ? t.spanBuilder() : p.extract(fields, Map::get))
                .name(name)
                .start();
        try (Tracer.SpanInScope scope = t.withSpan(span)) {
            return task.get();
        } catch (RuntimeException e) {
            span.error(e);
            throw e;
        } finally {
            span.end();
        }
    }

    public void runIn(Map<String, String> fields, String name, Runnable task) {
        callIn(fields, name, () -> {
            task.run();
            return null;
        });
    }

    /**
     * Puts a job's and its tenant's ids into the current trace's baggage until the returned scope is closed; every
     * span started meanwhile, here or downstream, carries them.
     */
    public JobScope job(UUID jobId, UUID tenantId) {
        Tracer t = tracer.getIfAvailable();
        if (t == null || t.currentSpan() == null) {
            return new JobScope(null, null);
        }
        return new JobScope(
                t.createBaggageInScope(JOB_ID, String.valueOf(jobId)),
                tenantId == null ? null : t.createBaggageInScope(TENANT_ID, tenantId.toString()));
    }

    /** The baggage of {@link #job}; closing it restores what was there before. */
    public static final class JobScope implements AutoCloseable {
        private final BaggageInScope job;
        private final BaggageInScope tenant;

        JobScope(BaggageInScope job, BaggageInScope tenant) {
            this.job = job;
            this.tenant = tenant;
        }

        @Override
        public void close() {
            if (tenant != null) {
                tenant.close();
            }
            if (job != null) {
                job.close();
            }
        }
    }
}
