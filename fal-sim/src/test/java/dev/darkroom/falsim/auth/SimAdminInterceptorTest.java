package dev.darkroom.falsim.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.darkroom.falsim.web.AdminException;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class SimAdminInterceptorTest {

    private static MockHttpServletRequest from(String address, String token) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/_sim/requests");
        request.setRemoteAddr(address);
        if (token != null) {
            request.addHeader(SimAdminInterceptor.HEADER, token);
        }
        return request;
    }

    @Test
    void loopbackCallersMayUseTheSimApi() {
        SimAdminInterceptor guard = new SimAdminInterceptor(null);

        assertThat(guard.preHandle(from("127.0.0.1", null), new MockHttpServletResponse(), null))
                .isTrue();
        assertThat(guard.preHandle(from("0:0:0:0:0:0:0:1", null), new MockHttpServletResponse(), null))
                .isTrue();
    }

    @Test
    void aCallerFromAnotherMachineIsRefusedWithoutTheToken() {
        SimAdminInterceptor guard = new SimAdminInterceptor("sim-admin");

        assertThatThrownBy(() -> guard.preHandle(from("10.0.0.7", null), new MockHttpServletResponse(), null))
                .isInstanceOf(AdminException.class)
                .satisfies(
                        e -> assertThat(((AdminException) e).status().value()).isEqualTo(403));
        assertThatThrownBy(() -> guard.preHandle(from("10.0.0.7", "wrong"), new MockHttpServletResponse(), null))
                .isInstanceOf(AdminException.class);
        assertThat(guard.preHandle(from("10.0.0.7", "sim-admin"), new MockHttpServletResponse(), null))
                .isTrue();
    }

    @Test
    void withoutAConfiguredTokenNoHeaderOpensIt() {
        SimAdminInterceptor guard = new SimAdminInterceptor(" ");

        assertThatThrownBy(() -> guard.preHandle(from("10.0.0.7", " "), new MockHttpServletResponse(), null))
                .isInstanceOf(AdminException.class);
    }
}
