package dev.darkroom.support.net;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestPathsTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/v1/admin;x=1/tenants",
                "/v1;x/admin/tenants",
                "/v1/%61dmin/tenants",
                "/v1//admin/tenants",
                "/v1/jobs/../admin/tenants",
                "/v1/./admin",
                "/v1\\admin",
                "v1/admin",
                ""
            })
    void pathsARouterCouldReadDifferentlyAreNotPlain(String path) {
        assertThat(RequestPaths.plain(path)).isFalse();
    }

    @Test
    void darkroomsOwnPathsArePlain() {
        assertThat(RequestPaths.plain("/v1/jobs/0b5c8a5e-2d55-4a43-9a5e-3c1f0e7a9b11/cancel"))
                .isTrue();
        assertThat(RequestPaths.plain("/v1/admin/tenants")).isTrue();
        assertThat(RequestPaths.plain("/")).isTrue();
    }

    @Test
    void underComparesWholeSegments() {
        assertThat(RequestPaths.under("/v1/admin/tenants", "/v1/admin")).isTrue();
        assertThat(RequestPaths.under("/v1/admin", "/v1/admin")).isTrue();
        assertThat(RequestPaths.under("/v1/administer", "/v1/admin")).isFalse();
    }
}
