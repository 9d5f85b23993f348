package dev.darkroom.falsim.admin;

import dev.darkroom.falsim.queue.QueueRunner;
import dev.darkroom.falsim.queue.RequestState;
import dev.darkroom.falsim.queue.RequestStore;
import dev.darkroom.falsim.queue.SimRequest;
import dev.darkroom.falsim.queue.Submission;
import dev.darkroom.falsim.web.AdminException;
import dev.darkroom.falsim.webhooks.DeliveryLog;
import dev.darkroom.falsim.webhooks.WebhookRecord;
import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /_sim/requests}: what the simulator did with each request (state, timings, faults, result) and what
 * happened to its webhook (every attempt and its outcome). Newest first.
 */
@RestController
class RequestsController {

    private final RequestStore store;
    private final QueueRunner runner;
    private final DeliveryLog deliveries;
    private final Clock clock;

    RequestsController(RequestStore store, QueueRunner runner, DeliveryLog deliveries, Clock clock) {
        this.store = store;
        this.runner = runner;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    @GetMapping("/_sim/requests")
    List<Map<String, Object>> list(
            @RequestParam(name = "endpoint", required = false) String endpoint,
            @RequestParam(name = "state", required = false) RequestState state) {
        return store.all().stream()
                .filter(r -> endpoint == null || r.submission().endpointId().equals(endpoint))
                .filter(r -> state == null || r.state() == state)
                .sorted(Comparator.comparing((SimRequest r) -> r.submission().sequence())
                        .reversed())
                .map(r -> summary(r, false))
                .toList();
    }

    @GetMapping("/_sim/requests/{id}")
    Map<String, Object> show(@PathVariable String id) {
        SimRequest request = store.get(id);
        if (request == null) {
            throw new AdminException(HttpStatus.NOT_FOUND, "unknown_request", "No request " + id);
        }
        return summary(request, true);
    }

    private Map<String, Object> summary(SimRequest request, boolean detail) {
        SimRequest.View v = request.view();
        Submission s = v.submission();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("request_id", s.id());
        m.put("endpoint_id", s.endpointId());
        m.put("app_id", s.appId());
        m.put("state", v.state());
        m.put("queue_position", v.state() == RequestState.IN_QUEUE ? runner.position(request) : null);
        m.put("priority", s.priority());
        m.put("created_at", s.createdAt());
        m.put("started_at", v.startedAt());
        m.put("completed_at", v.completedAt());
        m.put("result_expires_at", v.resultExpiresAt());
        m.put("result_status", v.outcome() != null ? v.outcome().status() : null);
        m.put("error", v.outcome() != null ? v.outcome().error() : null);
        m.put("error_type", v.outcome() != null ? v.outcome().errorType() : null);
        m.put("cancel_requested", v.cancelRequested());
        m.put("start_timeout", s.startTimeout());
        m.put("runner_hint", s.runnerHint());
        m.put("no_retry", s.noRetry());
        m.put("store_io", s.storeIo());
        m.put("payload_stored", s.payloadStored());
        m.put("gateway_request_id", v.gatewayRequestId());
        m.put("webhook_url", s.webhookUrl());
        m.put("faults", s.faults());
        WebhookRecord record = deliveries.find(s.id());
        m.put("webhook", record != null ? record.view() : null);
        if (detail) {
            m.put("input", s.input());
            m.put("validation_errors", s.validationDetail());
            m.put("logs", v.logs());
            m.put("result", v.outcome() != null ? v.outcome().body() : null);
            m.put("result_expired", v.resultExpired(clock.instant()));
        }
        return m;
    }
}
