package dev.darkroom.worker.core.images;

import dev.darkroom.falclient.FalClient;
import dev.darkroom.support.net.UrlGuard;
import dev.darkroom.worker.core.WorkerProperties;
import java.net.http.HttpClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Input image checking and upload, set up from {@code darkroom.worker.*}. */
@Configuration(proxyBeanMethods = false)
public class InputImagesConfiguration {

    @Bean
    InputImages inputImages(WorkerProperties properties, FalClient fal) {
        WorkerProperties.InputImageSettings settings = properties.inputImages();
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                // redirects are followed by ImageFetcher, which checks every target before calling it
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        ImageFetcher fetcher = new ImageFetcher(
                http,
                new UrlGuard(properties.allowedHosts()),
                settings.maxSize().toBytes(),
                settings.fetchTimeout(),
                settings.maxRedirects());
        return new InputImages(
                settings.resolve(),
                fetcher,
                new OwnStorage(settings.ownStorageUrls()),
                settings.alwaysUpload(),
                fal,
                settings.falLifetime());
    }
}
