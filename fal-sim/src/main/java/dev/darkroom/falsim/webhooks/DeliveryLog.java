package dev.darkroom.falsim.webhooks;

import dev.darkroom.falsim.faults.WebhookFaults;
import dev.darkroom.falsim.queue.RequestListener;
import dev.darkroom.falsim.queue.SimRequest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** Webhook records by request id, for {@code /_sim/requests}; a record goes when its request is forgotten. */
@Component
public class DeliveryLog implements RequestListener {

    private final Map<String, WebhookRecord> records = new ConcurrentHashMap<>();

    WebhookRecord open(String requestId, String url, WebhookFaults faults) {
        WebhookRecord record = new WebhookRecord(url, faults);
        records.put(requestId, record);
        return record;
    }

    /** The record of a request's webhook, or null when it had none (yet). */
    public WebhookRecord find(String requestId) {
        return records.get(requestId);
    }

    @Override
    public void forgotten(SimRequest request) {
        records.remove(request.id());
    }

    void clear() {
        records.clear();
    }
}
