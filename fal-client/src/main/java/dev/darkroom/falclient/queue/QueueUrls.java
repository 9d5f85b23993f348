package dev.darkroom.falclient.queue;

import dev.darkroom.falclient.errors.FalErrorResponse;
import dev.darkroom.falclient.errors.FalUnexpectedResponseException;
import dev.darkroom.falclient.http.Urls;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;
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

    /**
     * A status, result or cancel URL from a submit answer, if it is on the configured queue host (same scheme, host
     * and port); otherwise {@link FalUnexpectedResponseException}. Calls to these URLs carry the fal key, so a
     * tampered answer or stored row must not be able to send it, or Darkroom's requests, anywhere else.
     *
     * @param operation what the URL is for, for the error
     */
    public URI follow(String url, String operation) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw offHost(operation, "not a URL");
        }
        if (!lower(uri.getScheme()).equals(lower(queueBase.getScheme()))
                || !lower(uri.getHost()).equals(lower(queueBase.getHost()))
                || port(uri) != port(queueBase)
                || uri.getRawUserInfo() != null) {
            throw offHost(operation, "not on the fal queue host " + queueBase.getHost());
        }
        return uri;
    }

    private static FalUnexpectedResponseException offHost(String operation, String why) {
        return new FalUnexpectedResponseException(
                "refusing to call the " + operation + " URL fal returned: " + why,
                new FalErrorResponse(operation, 0, null, null, false, false, null, null));
    }

    private static String lower(String s) {
        return Objects.requireNonNullElse(s, "").toLowerCase(Locale.ROOT);
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
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
