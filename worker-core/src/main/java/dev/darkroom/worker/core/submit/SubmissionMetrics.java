package dev.darkroom.worker.core.submit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Collection;
import java.util.List;

/**
 * {@code darkroom_worker_submissions_total{model,outcome}} and {@code darkroom_worker_submit_latency_seconds{model,
 * outcome}}. Tags stay low-cardinality: {@code model} is a catalog id or {@code unknown}, {@code outcome} one of the
 * constants below.
 */
final class SubmissionMetrics {

    /** fal accepted the job and JobSubmitted was confirmed. */
    static final String SUBMITTED = "submitted";
    /** fal refused the job for good; JobFailed was confirmed. */
    static final String FAILED = "failed";
    /** An input image could not be used; JobFailed was confirmed. */
    static final String INPUT_INVALID = "input_invalid";
    /** A transient failure; the message goes back to the listener's retry. */
    static final String RETRIED = "retried";
    /** A poison message (unknown model, unreadable job); it goes to the dead-letter queue. */
    static final String REJECTED = "rejected";

    /** The orchestrator refused the submit lease (a duplicate or superseded dispatch); dropped unsubmitted. */
    static final String SUPERSEDED = "superseded";

    static final String UNKNOWN_MODEL = "unknown";

    private static final List<String> OUTCOMES =
            List.of(SUBMITTED, FAILED, INPUT_INVALID, RETRIED, REJECTED, SUPERSEDED);

    private final MeterRegistry registry;

    /**
     * @param models the models this worker serves: their counters start at zero, so rates and alerts see a zero
     *     rather than no data before the first job
     */
    SubmissionMetrics(MeterRegistry registry, Collection<String> models) {
        this.registry = registry;
        for (String model : models) {
            OUTCOMES.forEach(outcome -> counter(model, outcome));
        }
    }

    void outcome(String model, String outcome) {
        counter(model, outcome).increment();
    }

    private Counter counter(String model, String outcome) {
        return Counter.builder("darkroom.worker.submissions")
                .description("dispatched jobs handled by the worker, by outcome")
                .tag("model", model)
                .tag("outcome", outcome)
                .register(registry);
    }

    /** Starts timing one call to fal's submit. */
    Timer.Sample startSubmit() {
        return Timer.start(registry);
    }

    void stopSubmit(Timer.Sample sample, String model, boolean accepted) {
        sample.stop(Timer.builder("darkroom.worker.submit.latency")
                .description("time fal's queue took to accept (or refuse) a submit, client retries included")
                .tag("model", model)
                .tag("outcome", accepted ? "accepted" : "error")
                .register(registry));
    }
}
