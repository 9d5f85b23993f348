package dev.darkroom.orchestrator.webhooks;

import dev.darkroom.contracts.jobs.JobStatus;
import dev.darkroom.support.problems.InvalidRequestException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * The event types a tenant's endpoint can subscribe to: a job's end ({@code job.succeeded}, {@code job.failed},
 * {@code job.canceled}, {@code job.expired}), budget alerts, and one of the tenant's endpoints being disabled.
 */
final class EventTypes {

    static final String ENDPOINT_DISABLED = "webhook.endpoint_disabled";

    static final Set<String> ALL = Stream.concat(
                    Stream.of(JobStatus.SUCCEEDED, JobStatus.FAILED, JobStatus.CANCELED, JobStatus.EXPIRED)
                            .map(s -> "job." + s.apiName()),
                    Stream.of("budget.threshold_crossed", ENDPOINT_DISABLED))
            .collect(Collectors.toUnmodifiableSet());

    private EventTypes() {}

    /** A filter from a request: null (or absent) for every type, else a non-empty list of known types. */
    static List<String> parse(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray() || value.isEmpty()) {
            throw new InvalidRequestException(
                    "event_types", "event_types must be a non-empty list of event types, or null for all");
        }
        List<String> types = new ArrayList<>();
        for (JsonNode t : value) {
            if (!t.isString() || !ALL.contains(t.asString())) {
                throw new InvalidRequestException(
                        "event_types", "unknown event type " + t + "; known: " + new TreeSet<>(ALL));
            }
            types.add(t.asString());
        }
        return List.copyOf(new TreeSet<>(types));
    }
}
