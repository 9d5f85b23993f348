package dev.darkroom.support.net;

import java.net.UnknownHostException;
import java.util.Optional;

/**
 * A connection refused at name resolution because the host resolved to an address {@link UrlGuard} forbids. An
 * {@link UnknownHostException} because that is what an HTTP client's resolver hook may throw; callers find it in
 * the cause chain with {@link #reasonIn}.
 */
public final class RefusedAddressException extends UnknownHostException {

    private static final long serialVersionUID = 1L;

    private final String reason;

    RefusedAddressException(String host, String reason) {
        super(host + ": " + reason);
        this.reason = reason;
    }

    /** Why, when {@code e} or one of its causes is a refusal rather than the target failing to answer. */
    public static Optional<String> reasonIn(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RefusedAddressException refused) {
                return Optional.of(refused.reason);
            }
        }
        return Optional.empty();
    }
}
