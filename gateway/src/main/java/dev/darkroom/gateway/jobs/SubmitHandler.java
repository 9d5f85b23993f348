package dev.darkroom.gateway.jobs;

import dev.darkroom.contracts.catalog.CostEstimator;
import dev.darkroom.contracts.catalog.FalInputMapper;
import dev.darkroom.contracts.catalog.ModelSpec;
import dev.darkroom.contracts.catalog.Usd;
import dev.darkroom.contracts.jobs.JobView;
import dev.darkroom.contracts.messages.Rejection;
import dev.darkroom.contracts.messages.RejectionCode;
import dev.darkroom.contracts.messages.SubmitJob;
import dev.darkroom.contracts.messages.SubmitJobReply;
import dev.darkroom.contracts.messaging.Messaging;
import dev.darkroom.contracts.security.Sha256;
import dev.darkroom.gateway.GatewayProperties;
import dev.darkroom.gateway.auth.ResolvedKey;
import dev.darkroom.gateway.problems.ProblemResponses;
import dev.darkroom.support.problems.DarkroomException;
import dev.darkroom.support.problems.InvalidRequestException;
import dev.darkroom.support.problems.Problems;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.AmqpMessageReturnedException;
import org.springframework.amqp.core.AmqpReplyTimeoutException;
import org.springframework.amqp.rabbit.AsyncRabbitTemplate;
import org.springframework.amqp.rabbit.RabbitConverterFuture;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Handles {@code POST /v1/jobs}. */
@Component
class SubmitHandler {

    private static final Logger log = LoggerFactory.getLogger(SubmitHandler.class);
    /** Every {@code outcome} of {@code darkroom_gateway_submissions_total}: created, accepted, or a rejection. */
    private static final List<String> OUTCOMES = Stream.concat(
                    Stream.of("created", "accepted"),
                    Stream.of(RejectionCode.values()).map(RejectionCode::code))
            .toList();

    private static final ParameterizedTypeReference<SubmitJobReply> REPLY = new ParameterizedTypeReference<>() {};

    private final AsyncRabbitTemplate rpc;
    private final RequestBodies bodies;
    private final CostEstimator estimator;
    private final GatewayProperties properties;
    private final JsonMapper json;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

    SubmitHandler(
            AsyncRabbitTemplate rpc,
            RequestBodies bodies,
            CostEstimator estimator,
            GatewayProperties properties,
            JsonMapper json,
            Clock clock,
            MeterRegistry meters) {
        this.rpc = rpc;
        this.bodies = bodies;
        this.estimator = estimator;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
        this.meters = meters;
        // counters start at zero, so the first submission of each outcome shows as an increase
        OUTCOMES.forEach(o -> meters.counter("darkroom_gateway_submissions_total", "outcome", o));
    }

    Mono<ServerResponse> submit(ServerRequest request) {
        ResolvedKey key = request.exchange().getAttribute(ResolvedKey.ATTRIBUTE);
        String idempotencyKey = idempotencyKey(request);
        return bodies.read(request).flatMap(body -> submit(key, idempotencyKey, body));
    }

    private Mono<ServerResponse> submit(ResolvedKey key, String idempotencyKey, byte[] body) {
        // a duplicate while the first is still being admitted: answered here at once; the orchestrator's advisory
        // lock gives the same answer across gateway replicas
        String inFlight = idempotencyKey == null ? null : key.tenantId() + "/" + idempotencyKey;
        if (inFlight != null && !this.inFlight.add(inFlight)) {
            RejectionCode inUse = RejectionCode.IDEMPOTENCY_KEY_IN_USE;
            return ProblemResponses.of(
                    inUse.httpStatus(), inUse.code(), "a request with this Idempotency-Key is in progress", Map.of());
        }
        return Mono.defer(() -> admit(key, idempotencyKey, body)).doFinally(signal -> {
            if (inFlight != null) {
                this.inFlight.remove(inFlight);
            }
        });
    }

    private Mono<ServerResponse> admit(ResolvedKey key, String idempotencyKey, byte[] body) {
        JobRequest job = JobRequest.parse(body, json);
        ModelSpec model = bodies.model(job.model());
        ObjectNode input = bodies.validate(model, job.input());
        Instant now = clock.instant();
        SubmitJob command = new SubmitJob(
                UUID.randomUUID(),
                key.tenantId(),
                key.keyId(),
                model.id(),
                input,
                job.metadata(),
                idempotencyKey,
                Sha256.hex(body),
                now);
        return send(command)
                .map(reply -> reply(reply))
                .onErrorResume(TimeoutException.class, e -> {
                    meters.counter("darkroom_gateway_submissions_total", "outcome", "accepted")
                            .increment();
                    return Mono.just(accepted(command, model));
                })
                .flatMap(m -> m);
    }

    /**
     * Publishes with a confirm, then waits for the reply up to the configured bound. No confirm, a refusal or an
     * unroutable command means the broker does not hold it: 503, retry. A confirmed command whose reply is late is
     * safe in its durable queue: {@link TimeoutException}, answered 202.
     */
    private Mono<SubmitJobReply> send(SubmitJob command) {
        RabbitConverterFuture<SubmitJobReply> future =
                rpc.convertSendAndReceiveAsType(Messaging.COMMANDS_EXCHANGE, Messaging.SUBMIT_JOB, command, REPLY);
        return Mono.fromFuture(future.getConfirm())
                .timeout(properties.submitTimeout())
                .onErrorMap(e -> unavailable())
                .flatMap(confirmed -> Boolean.TRUE.equals(confirmed)
                        ? Mono.fromFuture(future).timeout(properties.submitTimeout())
                        : Mono.error(unavailable()))
                .onErrorMap(AmqpMessageReturnedException.class, e -> unavailable())
                .onErrorMap(AmqpReplyTimeoutException.class, e -> new TimeoutException(e.getMessage()));
    }

    private static DarkroomException unavailable() {
        return new DarkroomException(503, "unavailable", "jobs cannot be accepted right now; retry shortly");
    }

    private Mono<ServerResponse> reply(SubmitJobReply reply) {
        if (reply.rejection() == null) {
            meters.counter("darkroom_gateway_submissions_total", "outcome", "created")
                    .increment();
            log.info("job {} created", reply.job().id());
            return ServerResponse.created(URI.create("/v1/jobs/" + reply.job().id()))
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(reply.job());
        }
        Rejection r = reply.rejection();
        meters.counter("darkroom_gateway_submissions_total", "outcome", r.code().code())
                .increment();
        Map<String, Object> props = new LinkedHashMap<>(r.properties());
        if (reply.job() != null) {
            props.put("job_id", reply.job().id().toString());
        }
        ProblemDetail problem = Problems.of(r.status(), r.code().code(), r.detail(), props);
        return ProblemResponses.of(r.status(), problem, r.retryAfterSeconds());
    }

    /** 202: admission did not answer in time; the command waits in its durable queue and will be admitted. */
    private Mono<ServerResponse> accepted(SubmitJob command, ModelSpec model) {
        log.info(
                "job {} accepted without a timely admission reply; it stays queued for the orchestrator",
                command.jobId());
        JobView job = JobView.accepted(
                command.jobId(),
                command.model(),
                command.input(),
                command.metadata(),
                Usd.format(estimator
                        .estimate(model, FalInputMapper.toFal(model, command.input()))
                        .amountUsd()),
                command.requestedAt());
        return ServerResponse.accepted()
                .location(URI.create("/v1/jobs/" + command.jobId()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(job);
    }

    private static String idempotencyKey(ServerRequest request) {
        String value = request.headers().firstHeader("Idempotency-Key");
        if (value == null) {
            return null;
        }
        if (value.isBlank() || value.length() > 255 || !value.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw new InvalidRequestException(
                    "Idempotency-Key", "Idempotency-Key must be 1-255 visible ASCII characters");
        }
        return value;
    }
}
