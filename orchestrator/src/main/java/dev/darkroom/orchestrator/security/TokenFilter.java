package dev.darkroom.orchestrator.security;

import dev.darkroom.contracts.security.InternalHeaders;
import dev.darkroom.support.net.RequestPaths;
import dev.darkroom.support.problems.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks the admin token on {@code /v1/admin/**} and the internal token on every other path but the actuator's,
 * which stay open for probes and scraping. Paths are checked as sent: one with matrix parameters, percent-encoding
 * or dot segments is refused, so the check and the controller mapping always see the same path. Tokens are
 * compared in constant time. The webhook-receiver's own token opens only {@link ReceiverCalls}.
 */
@Component
class TokenFilter extends OncePerRequestFilter {

    private final SecurityProperties properties;
    private final JsonMapper json;

    TokenFilter(SecurityProperties properties, JsonMapper json) {
        this.properties = properties;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI();
        if (!RequestPaths.plain(path)) {
            deny(
                    response,
                    400,
                    "malformed_request",
                    "the request path must be plain: no ';', '%', '//' or dot segments");
            return;
        }
        if (RequestPaths.under(path, "/actuator")) {
            chain.doFilter(request, response);
            return;
        }
        if (RequestPaths.under(path, "/v1/admin")) {
            if (!properties.adminEnabled()) {
                deny(response, 403, "admin_api_disabled", "the admin API is off: set DARKROOM_ADMIN_TOKEN");
                return;
            }
            String auth = request.getHeader("Authorization");
            if (auth == null
                    || !auth.startsWith("Bearer ")
                    || !same(auth.substring(7).trim(), properties.adminToken())) {
                deny(response, 401, "invalid_admin_token", "a valid admin bearer token is required");
                return;
            }
        } else if (properties.receiverTokenSet()
                && same(request.getHeader(InternalHeaders.INTERNAL_TOKEN), properties.receiverToken())) {
            if (!ReceiverCalls.allowed(request.getMethod(), path)) {
                deny(response, 403, "caller_not_allowed", "the webhook-receiver's credential may only claim jobs");
                return;
            }
        } else if (properties.internalChecked()
                && !same(request.getHeader(InternalHeaders.INTERNAL_TOKEN), properties.internalToken())) {
            deny(response, 401, "internal_only", "this endpoint is reached through the gateway");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean same(String given, String expected) {
        return given != null
                && MessageDigest.isEqual(
                        given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }

    private void deny(HttpServletResponse response, int status, String code, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), Problems.of(status, code, detail, Map.of()));
    }
}
