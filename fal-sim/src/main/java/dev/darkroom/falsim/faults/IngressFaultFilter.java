package dev.darkroom.falsim.faults;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The ingress in front of fal's queue: when a fault fires it answers before anything else runs (no auth, no
 * request id), which is how fal's python client tells an ingress error from an application one.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 10)
class IngressFaultFilter extends OncePerRequestFilter {

    private final Faults faults;

    IngressFaultFilter(Faults faults) {
        this.faults = faults;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + "/queue/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        FaultSettings settings = faults.settings();
        double rate = switch (request.getMethod()) {
            case "POST" -> settings.ingress5xxSubmitRate();
            case "GET" -> settings.ingress5xxReadRate();
            default -> 0;
        };
        if (faults.roll(rate)) {
            write(response, new IngressFault(faults.roll(0.5) ? 502 : 503));
            return;
        }
        chain.doFilter(request, response);
    }

    static void write(HttpServletResponse response, IngressFault fault) throws IOException {
        response.setStatus(fault.status());
        response.setContentType("text/html");
        response.setHeader("Server", "nginx");
        response.getWriter().write(fault.html());
    }
}
