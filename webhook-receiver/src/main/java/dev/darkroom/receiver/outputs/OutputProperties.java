package dev.darkroom.receiver.outputs;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Where outputs may come from and how they are fetched ({@code darkroom.receiver.*}).
 *
 * @param falCdnHosts fal's CDN hosts besides {@code darkroom.fal.cdn-url}'s; must resolve to public addresses
 * @param allowedOutputHosts further hosts trusted outright, loopback included (fal-sim in local runs and tests)
 * @param maxImageSize the largest image output accepted
 * @param maxVideoSize the largest video output accepted
 * @param connectTimeout limit on opening a download connection
 * @param readTimeout limit on waiting for the next bytes of a download
 * @param downloadTimeout limit on one whole download attempt, so a trickling server cannot hold a consumer
 * @param downloadAttempts attempts per output before a transient failure fails the job
 * @param retryBackoff wait before the second attempt; doubles for each later one
 * @param maxRedirects redirects followed per download, each checked like the original URL
 */
@ConfigurationProperties("darkroom.receiver")
record OutputProperties(
        @DefaultValue({"v3.fal.media", "v3b.fal.media", "fal.media"})
        List<String> falCdnHosts,

        @DefaultValue({}) List<String> allowedOutputHosts,
        @DefaultValue("50MB") DataSize maxImageSize,
        @DefaultValue("500MB") DataSize maxVideoSize,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("30s") Duration readTimeout,
        @DefaultValue("10m") Duration downloadTimeout,
        @DefaultValue("3") int downloadAttempts,
        @DefaultValue("1s") Duration retryBackoff,
        @DefaultValue("3") int maxRedirects) {

    OutputProperties {
        falCdnHosts = List.copyOf(falCdnHosts);
        allowedOutputHosts = List.copyOf(allowedOutputHosts);
        if (downloadAttempts < 1) {
            throw new IllegalArgumentException("darkroom.receiver.download-attempts must be at least 1");
        }
        if (maxRedirects < 0) {
            throw new IllegalArgumentException("darkroom.receiver.max-redirects must not be negative");
        }
    }
}
