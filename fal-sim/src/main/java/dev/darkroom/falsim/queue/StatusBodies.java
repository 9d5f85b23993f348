package dev.darkroom.falsim.queue;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** fal's queue status documents (docs/fal-protocol.md#submit, #status). */
final class StatusBodies {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    // fal's log timestamps carry milliseconds: 2026-04-01T12:00:01.123Z
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private StatusBodies() {}

    /** The submit answer: an IN_QUEUE status plus the gateway request id. */
    static ObjectNode submitted(Submission s, int position) {
        ObjectNode body = NODES.objectNode();
        body.put("status", RequestState.IN_QUEUE.name());
        body.put("request_id", s.id());
        body.put("gateway_request_id", s.id());
        body.put("response_url", s.requestUrl());
        body.put("status_url", s.requestUrl() + "/status");
        body.put("cancel_url", s.requestUrl() + "/cancel");
        body.put("queue_position", position);
        return body;
    }

    /**
     * A status document. {@code logsFrom} is the index of the first log line to include: 0 for a status poll
     * (which returns every line), the count already sent for a stream (which sends only new lines); negative = no
     * logs, sent as {@code "logs": null}: fal's Python client reads the key unconditionally.
     */
    static ObjectNode status(SimRequest.View v, int position, int logsFrom) {
        Submission s = v.submission();
        ObjectNode body = NODES.objectNode();
        body.put("status", v.state().name());
        body.put("request_id", s.id());
        body.put("gateway_request_id", v.gatewayRequestId());
        if (v.state() == RequestState.IN_QUEUE) {
            body.put("queue_position", position);
        }
        body.put("response_url", s.requestUrl());
        body.put("status_url", s.requestUrl() + "/status");
        body.put("cancel_url", s.requestUrl() + "/cancel");
        body.set("logs", logsFrom >= 0 ? logs(v.logs(), logsFrom) : NODES.nullNode());
        if (v.state() == RequestState.COMPLETED) {
            ObjectNode metrics = body.putObject("metrics");
            Outcome outcome = v.outcome();
            if (outcome.inferenceSeconds() != null) {
                metrics.put("inference_time", outcome.inferenceSeconds());
            }
            if (!outcome.ok()) {
                body.put("error", outcome.error());
                body.put("error_type", outcome.errorType());
            }
        }
        return body;
    }

    private static ArrayNode logs(List<LogEntry> entries, int from) {
        ArrayNode array = NODES.arrayNode();
        for (LogEntry entry : entries.subList(Math.min(from, entries.size()), entries.size())) {
            array.addObject()
                    .put("message", entry.message())
                    .put("level", entry.level())
                    .put("source", entry.source())
                    .put("timestamp", TIMESTAMP.format(entry.timestamp()));
        }
        return array;
    }
}
