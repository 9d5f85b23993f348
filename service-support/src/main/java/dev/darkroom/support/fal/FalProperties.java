package dev.darkroom.support.fal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where fal is and how to reach it. Defaults are fal's real hosts; local runs and tests point them at fal-sim.
 *
 * @param queueUrl fal's queue host ({@code https://queue.fal.run})
 * @param restUrl fal's REST host (storage uploads)
 * @param cdnUrl fal's CDN host
 * @param jwksUrl the JWKS fal signs webhooks with
 * @param apiUrl fal's platform API host (model pricing)
 * @param key {@code FAL_KEY}, {@code key_id:key_secret}; never logged
 * @param connectTimeout limit on opening a connection to fal
 * @param requestTimeout limit on one HTTP exchange with fal
 */
@ConfigurationProperties("darkroom.fal")
public record FalProperties(
        @DefaultValue("https://queue.fal.run") String queueUrl,
        @DefaultValue("https://rest.fal.ai") String restUrl,
        @DefaultValue("https://v3.fal.media") String cdnUrl,

        @DefaultValue("https://rest.fal.ai/.well-known/jwks.json")
        String jwksUrl,

        @DefaultValue("https://api.fal.ai") String apiUrl,
        String key,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("60s") Duration requestTimeout) {

    @Override
    public String toString() {
        return "FalProperties[queueUrl=" + queueUrl + ", restUrl=" + restUrl + ", jwksUrl=" + jwksUrl + ", key="
                + (key == null || key.isBlank() ? "<none>" : "****") + "]";
    }
}
