package dev.darkroom.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FalSimServerTest {

    @Test
    void runsInProcessOnARandomLoopbackPortAndServesItsJwks() throws Exception {
        FalSimServer fal = FalSimServer.shared();

        assertThat(fal.baseUrl()).matches("http://127\\.0\\.0\\.1:\\d+");
        assertThat(fal.queueUrl()).isEqualTo(fal.baseUrl() + "/queue");
        assertThat(fal.restUrl()).isEqualTo(fal.baseUrl() + "/rest");
        assertThat(fal.cdnUrl()).isEqualTo(fal.baseUrl() + "/cdn");
        assertThat(fal.jwksUrl()).isEqualTo(fal.baseUrl() + "/rest/.well-known/jwks.json");
        assertThat(fal.falKey()).isEqualTo("darkroom-sim:local-secret");

        HttpResponse<String> jwks = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(fal.jwksUrl())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(jwks.statusCode()).isEqualTo(200);
        assertThat(jwks.body()).contains("\"keys\"").contains("Ed25519");
    }

    @Test
    void anInstanceOfItsOwnGetsItsOwnPortAndSettings() throws Exception {
        String base;
        try (FalSimServer own = FalSimServer.start(Map.of("fal-sim.auth.keys", "mine:secret"))) {
            base = own.baseUrl();
            assertThat(base).isNotEqualTo(FalSimServer.shared().baseUrl());
            assertThat(own.falKey()).isEqualTo("mine:secret");
        }

        assertThatThrownBy(() -> HttpClient.newHttpClient()
                        .send(HttpRequest.newBuilder(URI.create(base)).build(), HttpResponse.BodyHandlers.discarding()))
                .isInstanceOf(ConnectException.class);
    }
}
