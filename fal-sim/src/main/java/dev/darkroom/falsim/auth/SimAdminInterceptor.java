package dev.darkroom.falsim.auth;

import dev.darkroom.falsim.web.AdminException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Keeps the {@code /_sim} API (which lists every request with its webhook URL and token, and can change faults,
 * keys and the clock) to callers on this machine, or to callers with the configured token in {@code X-Fal-Sim-Token}
 * (a simulator in a container, driven from the host). Everyone else gets 403.
 */
final class SimAdminInterceptor implements HandlerInterceptor {

    static final String HEADER = "X-Fal-Sim-Token";

    private final byte[] token;

    SimAdminInterceptor(String token) {
        this.token = token == null || token.isBlank() ? null : token.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (loopback(request.getRemoteAddr()) || tokenMatches(request.getHeader(HEADER))) {
            return true;
        }
        throw new AdminException(
                HttpStatus.FORBIDDEN,
                "sim_admin_forbidden",
                "the /_sim API answers loopback callers, or others sending " + HEADER);
    }

    private boolean tokenMatches(String given) {
        return token != null && given != null && MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean loopback(String address) {
        if (address == null || address.isEmpty()) {
            return false;
        }
        try {
            // the servlet container gives a literal address, so this does no name lookup
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
