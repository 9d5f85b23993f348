package dev.darkroom.falsim.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkroom.falsim.SimClient.Response;
import dev.darkroom.falsim.SimTestBase;
import org.junit.jupiter.api.Test;

class AuthTest extends SimTestBase {

    private Response submitWith(String authorization) {
        return sim.send("POST", "/queue/fal-ai/flux/dev", "{\"prompt\":\"x\"}", false, "Authorization", authorization);
    }

    @Test
    void aMissingKeyIsUnauthorized() {
        Response response = sim.send("POST", "/queue/fal-ai/flux/dev", "{\"prompt\":\"x\"}", false);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().get("detail").asString()).isNotBlank();
    }

    @Test
    void aMalformedHeaderGetsFalsFormatMessage() {
        for (String header : new String[] {"Key no-colon", "Bearer abc:def", "Key :secret", "Key id:"}) {
            Response response = submitWith(header);

            assertThat(response.status()).as(header).isEqualTo(401);
            assertThat(response.json().get("detail").asString())
                    .isEqualTo("Invalid Key Authorization header format. Expected '<key_id>:<key_secret>'.");
        }
    }

    @Test
    void anUnknownKeyFindsNoUser() {
        Response response = submitWith("Key someone:else");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().get("detail").asString()).isEqualTo("No user found for Key ID and Secret");
    }

    @Test
    void aLockedAccountIsForbidden() {
        Response response = submitWith("Key locked-id:locked-secret");

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().get("detail").asString()).startsWith("User is locked.");
    }

    @Test
    void statusAndResultNeedTheKeyTooButTheJwksDoesNot() {
        String statusUrl = sim.submit("fal-ai/flux/dev", "{\"prompt\":\"x\"}")
                .json()
                .get("status_url")
                .asString();

        assertThat(sim.send("GET", statusUrl, null, false).status()).isEqualTo(401);
        assertThat(sim.send("GET", "/rest/.well-known/jwks.json", null, false).status())
                .isEqualTo(200);
    }
}
