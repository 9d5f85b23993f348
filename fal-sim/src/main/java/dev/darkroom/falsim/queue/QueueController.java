package dev.darkroom.falsim.queue;

import dev.darkroom.contracts.catalog.Catalog;
import dev.darkroom.contracts.catalog.ModelSpec;
import dev.darkroom.falsim.faults.FaultSettings;
import dev.darkroom.falsim.faults.Faults;
import dev.darkroom.falsim.faults.IngressFault;
import dev.darkroom.falsim.faults.RequestFaults;
import dev.darkroom.falsim.web.FalHttpException;
import dev.darkroom.falsim.web.PublicUrls;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Clock;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * fal's queue API under {@code /queue} (docs/fal-protocol.md#queue): submit, status, status stream, result and cancel.
 */
@RestController
class QueueController {

    static final String REQUEST_ID_HEADER = "x-fal-request-id";
    private static final String REQUESTS = "/queue/{owner}/{app}/requests/{id}";
    private static final String NS_REQUESTS = "/queue/{ns}/{owner}/{app}/requests/{id}";
    private static final Set<String> LOGS_ON = Set.of("1", "true");
    private static final int MAX_IMAGES = 16;

    private final Catalog catalog;
    private final QueueRunner runner;
    private final RequestStore store;
    private final StatusStreams streams;
    private final FalValidation validation;
    private final QueueProperties properties;
    private final Faults faults;
    private final PublicUrls urls;
    private final JsonMapper json;
    private final Clock clock;

    QueueController(
            Catalog catalog,
            QueueRunner runner,
            RequestStore store,
            StatusStreams streams,
            FalValidation validation,
            QueueProperties properties,
            Faults faults,
            PublicUrls urls,
            JsonMapper json,
            Clock clock) {
        this.catalog = catalog;
        this.runner = runner;
        this.store = store;
        this.streams = streams;
        this.validation = validation;
        this.properties = properties;
        this.faults = faults;
        this.urls = urls;
        this.json = json;
        this.clock = clock;
    }

    @PostMapping("/queue/**")
    ResponseEntity<JsonNode> submit(
            HttpServletRequest request,
            @RequestBody(required = false) byte[] body,
            @RequestParam(name = "fal_webhook", required = false) String webhook,
            @RequestParam(name = "fal_max_queue_length", required = false) String maxQueueLength) {
        String endpointId = endpointId(request);
        ModelSpec model =
                catalog.findByFalEndpoint(endpointId).orElseThrow(() -> FalHttpException.detail(404, "Not Found"));
        AppPath app = AppPath.ofEndpoint(endpointId);
        FaultSettings settings = faults.settings();
        if (faults.roll(settings.submit429Rate())) {
            HttpHeaders headers = new HttpHeaders();
            headers.set(
                    HttpHeaders.RETRY_AFTER,
                    String.valueOf(Math.max(1, settings.retryAfter().toSeconds())));
            throw new FalHttpException(429, FalHttpException.detailBody("Too many requests"), headers);
        }
        SubmitHeaders headers = SubmitHeaders.read(request, json);
        Integer maxLength = SubmitHeaders.maxQueueLength(maxQueueLength);
        if (maxLength != null && runner.queueLength(app.appId()) >= maxLength) {
            throw FalHttpException.detail(429, "Queue is full: it already holds " + maxLength + " requests");
        }
        if (webhook != null && !isHttpUrl(webhook)) {
            throw FalHttpException.detail(400, "Invalid webhook URL: " + webhook);
        }
        JsonNode input = parse(body);
        ArrayNode detail = validation.detail(model, input);
        if (detail != null && properties.validation() == QueueProperties.ValidationMode.SUBMIT) {
            throw new FalHttpException(
                    422, JsonNodeFactory.instance.objectNode().set("detail", detail));
        }
        RequestFaults decided = faults.decide(
                input != null ? input.path("prompt").asString("") : "",
                // the images a safety checker could flag; a bad count fails validation anyway
                input != null ? Math.max(1, Math.min(input.path("num_images").asInt(1), MAX_IMAGES)) : 1);
        Submission submission = new Submission(
                UUID.randomUUID().toString(),
                endpointId,
                app.appId(),
                model,
                input,
                detail,
                headers.priority(),
                runner.nextSequence(),
                webhook,
                urls.of(request),
                clock.instant(),
                headers.startTimeout(),
                headers.outputLifetime(),
                headers.runnerHint(),
                headers.noRetry(),
                headers.storeIo(),
                headers.storeIo() != null ? headers.storeIo() : properties.payloadStorage(),
                decided);
        SimRequest queued = runner.submit(submission);
        holdBack(decided.submitDelay());
        if (faults.roll(settings.submitResponseLostRate())) {
            throw new IngressFault(502);
        }
        return ResponseEntity.ok()
                .header(REQUEST_ID_HEADER, queued.id())
                .body(StatusBodies.submitted(submission, runner.position(queued)));
    }

    /**
     * {@code [sim:submit_delay=...]}: the request is already queued while the answer waits, so a client killed in
     * this window has enqueued work it never heard about. Blocking this request's thread is the point.
     */
    private static void holdBack(java.time.Duration delay) {
        if (delay == null) {
            return;
        }
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @GetMapping({REQUESTS + "/status", NS_REQUESTS + "/status"})
    ResponseEntity<JsonNode> status(
            @PathVariable(required = false) String ns,
            @PathVariable String owner,
            @PathVariable String app,
            @PathVariable String id,
            @RequestParam(name = "logs", required = false) String logs) {
        SimRequest request = find(ns, owner, app, id);
        SimRequest.View view = request.view();
        int code = view.state() == RequestState.COMPLETED ? 200 : 202;
        return ResponseEntity.status(code)
                .header(REQUEST_ID_HEADER, request.id())
                .body(StatusBodies.status(view, runner.position(request), logsOn(logs) ? 0 : -1));
    }

    @GetMapping({REQUESTS + "/status/stream", NS_REQUESTS + "/status/stream"})
    ResponseEntity<ResponseBodyEmitter> stream(
            @PathVariable(required = false) String ns,
            @PathVariable String owner,
            @PathVariable String app,
            @PathVariable String id,
            @RequestParam(name = "logs", required = false) String logs) {
        SimRequest request = find(ns, owner, app, id);
        return ResponseEntity.ok()
                .contentType(MediaType.TEXT_EVENT_STREAM)
                .header(HttpHeaders.CACHE_CONTROL, "no-cache")
                .header(REQUEST_ID_HEADER, request.id())
                .body(streams.open(request, logsOn(logs)));
    }

    @GetMapping({REQUESTS, REQUESTS + "/response", NS_REQUESTS, NS_REQUESTS + "/response"})
    ResponseEntity<JsonNode> result(
            @PathVariable(required = false) String ns,
            @PathVariable String owner,
            @PathVariable String app,
            @PathVariable String id) {
        SimRequest request = find(ns, owner, app, id);
        SimRequest.View view = request.view();
        if (view.state() != RequestState.COMPLETED) {
            throw FalHttpException.detail(400, "Request is still in progress");
        }
        if (view.resultExpired(clock.instant())) {
            throw FalHttpException.detail(properties.expiredResultStatus(), properties.expiredResultDetail());
        }
        Outcome outcome = view.outcome();
        ResponseEntity.BodyBuilder answer =
                ResponseEntity.status(outcome.status()).header(REQUEST_ID_HEADER, request.id());
        outcome.headers().forEach(answer::header);
        return answer.body(outcome.body());
    }

    @PutMapping({REQUESTS + "/cancel", NS_REQUESTS + "/cancel"})
    ResponseEntity<JsonNode> cancel(
            @PathVariable(required = false) String ns,
            @PathVariable String owner,
            @PathVariable String app,
            @PathVariable String id) {
        SimRequest request = lookup(ns, owner, app, id);
        if (request == null) {
            throw new FalHttpException(404, statusBody("NOT_FOUND"));
        }
        if (runner.cancel(request) == QueueRunner.CancelResult.ALREADY_COMPLETED) {
            throw new FalHttpException(400, statusBody("ALREADY_COMPLETED"));
        }
        return ResponseEntity.status(202).body(statusBody("CANCELLATION_REQUESTED"));
    }

    private SimRequest find(String ns, String owner, String app, String id) {
        SimRequest request = lookup(ns, owner, app, id);
        if (request == null) {
            throw FalHttpException.detail(404, "Request not found");
        }
        return request;
    }

    /** The request, if it exists and belongs to the app named in the URL. */
    private SimRequest lookup(String ns, String owner, String app, String id) {
        AppPath path = AppPath.of(ns, owner, app);
        SimRequest request = store.get(id);
        return path != null && request != null && request.submission().appId().equals(path.appId()) ? request : null;
    }

    private JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            return JsonNodeFactory.instance.objectNode();
        }
        try {
            return json.readTree(body);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String endpointId(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length() + "/queue/".length());
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return path;
    }

    private static boolean logsOn(String logs) {
        return logs != null && LOGS_ON.contains(logs.trim().toLowerCase(Locale.ROOT));
    }

    private static boolean isHttpUrl(String url) {
        try {
            URI uri = URI.create(url);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static JsonNode statusBody(String status) {
        return JsonNodeFactory.instance.objectNode().put("status", status);
    }
}
