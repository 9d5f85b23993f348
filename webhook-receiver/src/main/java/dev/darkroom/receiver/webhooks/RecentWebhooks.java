package dev.darkroom.receiver.webhooks;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The webhooks this instance recorded lately, keyed by job, fal request and body hash, so an exact redelivery (fal
 * retries, duplicates) is answered 200 without publishing it again. Only an optimisation: it is lost on restart and
 * not shared between instances; ingestion is idempotent on its own. Thread-safe, least recently used first out.
 */
final class RecentWebhooks {

    private final Map<String, Boolean> recent;

    RecentWebhooks(int capacity) {
        this.recent = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized boolean contains(UUID jobId, String requestId, String bodySha256) {
        return recent.get(key(jobId, requestId, bodySha256)) != null;
    }

    synchronized void add(UUID jobId, String requestId, String bodySha256) {
        recent.put(key(jobId, requestId, bodySha256), Boolean.TRUE);
    }

    synchronized int size() {
        return recent.size();
    }

    private static String key(UUID jobId, String requestId, String bodySha256) {
        return jobId + "\n" + requestId + "\n" + bodySha256;
    }
}
