package dev.darkroom.receiver.webhooks;

import dev.darkroom.support.tracing.TraceContexts;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * fal sends no trace headers, so the workers put the job's trace context into the webhook URL ({@code traceparent},
 * {@code baggage} query parameters). This filter, ahead of the HTTP server observation, presents them as the headers
 * the observation reads: the webhook's handling continues the job's trace. Only on {@code /fal/webhooks/**}, and a
 * real header wins.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class WebhookTraceParameters extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/fal/webhooks/") || request.getQueryString() == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // the query string only: getParameter could read a form body, which the controller verifies byte for byte
        MultiValueMap<String, String> query = UriComponentsBuilder.newInstance()
                .query(request.getQueryString())
                .build()
                .getQueryParams();
        chain.doFilter(new WithTraceHeaders(request, query), response);
    }

    private static final class WithTraceHeaders extends HttpServletRequestWrapper {

        private final MultiValueMap<String, String> query;

        WithTraceHeaders(HttpServletRequest request, MultiValueMap<String, String> query) {
            super(request);
            this.query = query;
        }

        @Override
        public String getHeader(String name) {
            String header = super.getHeader(name);
            return header != null ? header : parameter(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            String value = getHeader(name);
            return value == null ? Collections.emptyEnumeration() : Collections.enumeration(Set.of(value));
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            Set<String> names = new LinkedHashSet<>(Collections.list(super.getHeaderNames()));
            TraceContexts.FIELDS.stream().filter(f -> parameter(f) != null).forEach(names::add);
            return Collections.enumeration(names);
        }

        private String parameter(String name) {
            String field = name.toLowerCase(Locale.ROOT);
            String value = TraceContexts.FIELDS.contains(field) ? query.getFirst(field) : null;
            return value == null ? null : URLDecoder.decode(value, StandardCharsets.UTF_8);
        }
    }
}
