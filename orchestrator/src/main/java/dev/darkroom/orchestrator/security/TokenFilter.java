package dev.darkroom.orchestrator.security;

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
 * Checks the admin token on {@code /v1/admin/**} and the internal token on every other API path. Tokens are
 * compared in constant time. Actuator endpoints stay open for probes and scraping.
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
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !(path.startsWith("/v1/") || path.startsWith("/internal/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI();
        if (path.startsWith("/v1/admin/") || path.equals("/v1/admin")) {
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
        } else if (properties.internalChecked()
                && !same(request.getHeader(Headers.INTERNAL_TOKEN), properties.internalToken())) {
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
