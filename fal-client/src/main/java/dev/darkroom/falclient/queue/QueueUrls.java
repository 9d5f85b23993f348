package dev.darkroom.falclient.queue;

import dev.darkroom.falclient.http.Urls;
import java.net.URI;
import java.util.regex.Pattern;

/**
 * Builds queue URLs from an endpoint id and a request id, for callers that stored only the request id. Prefer the
 * URLs submit returned: fal documents them as the ones to follow.
 */
public final class QueueUrls {

    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._-]+");

    private final URI queueBase;

    public QueueUrls(URI queueBase) {
        this.queueBase = queueBase;
    }

    /** {@code POST} here to submit: the full endpoint id. */
    public URI submit(EndpointId endpoint) {
        return Urls.join(queueBase, endpoint.id());
    }

    /** {@code GET}: the request's status. */
    public String status(String endpointId, String requestId) {
        return request(endpointId, requestId) + "/status";
    }

    /** {@code GET}: the request's result. */
    public String result(String endpointId, String requestId) {
        return request(endpointId, requestId);
    }

    /** {@code PUT}: cancels the request. */
    public String cancel(String endpointId, String requestId) {
        return request(endpointId, requestId) + "/cancel";
    }

    private String request(String endpointId, String requestId) {
        if (requestId == null || !REQUEST_ID.matcher(requestId).matches()) {
            throw new IllegalArgumentException("not a fal request id: " + requestId);
        }
        String appId = EndpointId.parse(endpointId).appId();
        return Urls.join(queueBase, appId + "/requests/" + requestId).toString();
    }
}
