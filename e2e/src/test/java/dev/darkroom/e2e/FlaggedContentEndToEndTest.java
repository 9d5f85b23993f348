package dev.darkroom.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A result with one flagged image of two (fal's safety checker: the image black, {@code has_nsfw_concepts[0]}), under
 * each tenant {@code nsfw_policy}: what the job shows, what it is charged and what the usage API counts.
 */
class FlaggedContentEndToEndTest {

    static final Duration JOB_TIMEOUT = Duration.ofSeconds(90);

    static Api api;

    @BeforeAll
    static void platform() {
        api = new Api(SharedPlatform.get().gatewayUrl());
    }

    /** Two 1024x1024 images at $0.025 per megapixel: $0.025 each. */
    private static JsonNode oneFlaggedOfTwo(Api.Tenant tenant) {
        Api.Response created = api.submit(
                tenant.key(),
                Map.of(
                        "model",
                        "flux-dev",
                        "input",
                        Map.of("prompt", "a beach [sim:nsfw]", "aspect_ratio", "1:1", "num_images", 2, "seed", 3)));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().get("estimated_cost_usd").asString()).isEqualTo("0.05");
        return api.awaitStatus(tenant.key(), created.body().get("id").asString(), JOB_TIMEOUT, "succeeded", "failed");
    }

    private static JsonNode usage(Api.Tenant tenant) {
        Api.Response usage = api.get(tenant.key(), "/v1/usage");
        assertThat(usage.status()).isEqualTo(200);
        return usage.body();
    }

    @Test
    void deliverKeepsAndMarksTheFlaggedImageAndChargesBoth() {
        Api.Tenant tenant = api.aTenant("nsfw_policy", "deliver");

        JsonNode job = oneFlaggedOfTwo(tenant);

        assertThat(job.get("status").asString()).isEqualTo("succeeded");
        assertThat(job.get("outputs")).hasSize(2);
        assertThat(job.at("/outputs/0/nsfw").asBoolean()).isTrue();
        assertThat(job.at("/outputs/1/nsfw").asBoolean()).isFalse();
        assertThat(job.get("cost_usd").asString()).isEqualTo("0.05");
        JsonNode usage = usage(tenant);
        assertThat(usage.at("/rows/0/images").asLong()).isEqualTo(2);
        assertThat(usage.get("total_cost_usd").asString()).isEqualTo("0.05");
    }

    @Test
    void dropByDefaultDeliversAndChargesOnlyTheCleanImage() {
        Api.Tenant tenant = api.aTenant();
        assertThat(api.admin("GET", "/v1/admin/tenants/" + tenant.id(), null)
                        .body()
                        .get("nsfw_policy")
                        .asString())
                .isEqualTo("drop");

        JsonNode job = oneFlaggedOfTwo(tenant);

        assertThat(job.get("status").asString()).isEqualTo("succeeded");
        assertThat(job.get("outputs"))
                .singleElement()
                .satisfies(o -> assertThat(o.get("nsfw").asBoolean()).isFalse());
        assertThat(job.get("cost_usd").asString()).isEqualTo("0.025");
        JsonNode usage = usage(tenant);
        assertThat(usage.at("/rows/0/images").asLong()).isEqualTo(1);
        assertThat(usage.get("total_cost_usd").asString()).isEqualTo("0.025");
    }

    @Test
    void failFailsTheJobWithContentFlaggedAndChargesNothing() {
        Api.Tenant tenant = api.aTenant("nsfw_policy", "fail");

        JsonNode job = oneFlaggedOfTwo(tenant);

        assertThat(job.get("status").asString()).isEqualTo("failed");
        assertThat(job.at("/error/code").asString()).isEqualTo("content_flagged");
        assertThat(job.path("outputs").size()).isZero();
        JsonNode usage = usage(tenant);
        assertThat(usage.path("rows").size()).isZero();
        assertThat(new BigDecimal(usage.get("total_cost_usd").asString())).isZero();
    }

    @Test
    void anUnknownPolicyIsRefused() {
        Api.Response refused =
                api.admin("POST", "/v1/admin/tenants", Map.of("name", "bad-policy", "nsfw_policy", "maybe"));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body().get("field").asString()).isEqualTo("nsfw_policy");
    }
}
