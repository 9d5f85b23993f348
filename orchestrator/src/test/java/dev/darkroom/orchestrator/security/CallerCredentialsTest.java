package dev.darkroom.orchestrator.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkroom.contracts.security.InternalHeaders;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/** Each internal caller's credential opens only what that caller needs. */
class CallerCredentialsTest {

    private static final String GATEWAY = "gateway-credential";
    private static final String RECEIVER = "receiver-credential";

    private final TokenFilter filter = new TokenFilter(
            new SecurityProperties("admin", GATEWAY, RECEIVER),
            JsonMapper.builder().build());
    private final String job = UUID.randomUUID().toString();

    @Test
    void theReceiversCredentialClaimsAJob() throws Exception {
        assertThat(call("POST", "/internal/jobs/" + job + "/claim", RECEIVER)).isEqualTo(200);
    }

    @Test
    void theReceiversCredentialCannotListOrReadATenantsJobsNorResolveKeys() throws Exception {
        assertThat(call("GET", "/v1/jobs", RECEIVER)).isEqualTo(403);
        assertThat(call("GET", "/v1/jobs/" + job, RECEIVER)).isEqualTo(403);
        assertThat(call("GET", "/internal/api-keys/abc", RECEIVER)).isEqualTo(403);
        assertThat(call("GET", "/internal/jobs/" + job + "/claim", RECEIVER)).isEqualTo(403);
        assertThat(call("GET", "/v1/admin/tenants", RECEIVER)).isEqualTo(401);
    }

    @Test
    void theGatewaysCredentialActsForTenantsAndAnyOtherTokenIsRefused() throws Exception {
        assertThat(call("GET", "/v1/jobs", GATEWAY)).isEqualTo(200);
        assertThat(call("GET", "/internal/api-keys/abc", GATEWAY)).isEqualTo(200);
        assertThat(call("GET", "/v1/jobs", "guess")).isEqualTo(401);
        assertThat(call("GET", "/v1/jobs", null)).isEqualTo(401);
    }

    private int call(String method, String path, String token) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        if (token != null) {
            request.addHeader(InternalHeaders.INTERNAL_TOKEN, token);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response.getStatus();
    }
}
