package dev.darkroom.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.darkroom.gateway.GatewayProperties;
import dev.darkroom.support.problems.DarkroomException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.util.unit.DataSize;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/** The filter's limit on failed authentication, per client address; no key is looked up on these paths. */
class AuthFailureLimitTest {

    private static final GatewayProperties PROPERTIES = new GatewayProperties(
            "http://127.0.0.1:1",
            null,
            Duration.ofSeconds(5),
            Duration.ofSeconds(1),
            Duration.ofSeconds(1),
            Duration.ofSeconds(1),
            Duration.ofSeconds(1),
            DataSize.ofKilobytes(256));

    private final ApiKeyFilter filter = new ApiKeyFilter(
            new KeyResolver(PROPERTIES, WebClient.builder()),
            PROPERTIES,
            Clock.systemUTC(),
            new AuthFailureLimiter(new AuthFailureProperties(50, Duration.ofMinutes(1), 1000)));

    @Test
    void theFiftyFirstFailedAuthenticationWithinAMinuteFromOneAddressGets429WithRetryAfter() {
        for (int i = 1; i <= 50; i++) {
            assertThat(status(exchange("203.0.113.7", null)))
                    .as("failure %d", i)
                    .isEqualTo(401);
        }

        MockServerWebExchange fiftyFirst = exchange("203.0.113.7", null);
        assertThat(status(fiftyFirst)).isEqualTo(429);
        assertThat(Long.parseLong(fiftyFirst.getResponse().getHeaders().getFirst("Retry-After")))
                .isBetween(1L, 60L);
        // blocked even with a key, which is not even looked up (the resolver points nowhere)
        assertThat(status(exchange("203.0.113.7", "Bearer dr_live_guess"))).isEqualTo(429);
        // another address is not affected
        assertThat(status(exchange("198.51.100.2", null))).isEqualTo(401);
    }

    private MockServerWebExchange exchange(String address, String authorization) {
        MockServerHttpRequest.BaseBuilder<?> request =
                MockServerHttpRequest.get("/v1/quota").remoteAddress(new InetSocketAddress(address, 40000));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return MockServerWebExchange.from(request);
    }

    private int status(MockServerWebExchange exchange) {
        Throwable[] error = new Throwable[1];
        filter.filter(exchange, e -> Mono.empty())
                .onErrorResume(e -> {
                    error[0] = e;
                    return Mono.empty();
                })
                .block(Duration.ofSeconds(5));
        assertThatThrownBy(() -> {
                    if (error[0] != null) {
                        throw error[0];
                    }
                })
                .isInstanceOf(DarkroomException.class);
        return ((DarkroomException) error[0]).status();
    }
}
