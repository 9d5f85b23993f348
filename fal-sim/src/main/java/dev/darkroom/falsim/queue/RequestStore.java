package dev.darkroom.falsim.queue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** Every request the simulator knows, by id. In memory: a restarted simulator has forgotten them, like a new fal. */
@Component
public class RequestStore {

    private final Map<String, SimRequest> requests = new ConcurrentHashMap<>();

    void put(SimRequest request) {
        requests.put(request.id(), request);
    }

    public SimRequest get(String id) {
        return id == null ? null : requests.get(id);
    }

    /** Whether this exact request is still known (a reset forgets it; work scheduled for it then stops). */
    boolean holds(SimRequest request) {
        return requests.get(request.id()) == request;
    }

    public Collection<SimRequest> all() {
        return List.copyOf(requests.values());
    }

    void clear() {
        requests.clear();
    }

    /**
     * Drops requests that completed before {@code cutoff} and whose result has expired (a stored payload keeps its
     * request), and stuck ones created before it; answers them.
     */
    List<SimRequest> forgetBefore(Instant cutoff) {
        List<SimRequest> forgotten = new ArrayList<>();
        for (SimRequest r : requests.values()) {
            if (due(r.view(), cutoff) && requests.remove(r.id(), r)) {
                forgotten.add(r);
            }
        }
        return forgotten;
    }

    private static boolean due(SimRequest.View v, Instant cutoff) {
        if (v.state() == RequestState.COMPLETED) {
            return v.completedAt().isBefore(cutoff) && v.resultExpired(cutoff);
        }
        return v.submission().faults().stuck() && v.submission().createdAt().isBefore(cutoff);
    }
}
