package dev.darkroom.orchestrator.jobs;

import java.net.URI;
import java.util.UUID;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * The stable URLs of job outputs: {@code {public-url}/v1/jobs/{id}/outputs/{index}}, answered with a redirect to a
 * freshly presigned download URL, so a link shown in a job view or sent in a webhook never expires.
 */
@Component
class OutputLinks {

    /**
     * Output links.
     *
     * @param publicUrl the base URL tenants reach the public API at (the gateway), used in absolute output links
     */
    @ConfigurationProperties("darkroom.outputs")
    record Properties(@DefaultValue("http://127.0.0.1:8080") URI publicUrl) {}

    private final String base;

    OutputLinks(Properties properties) {
        String url = properties.publicUrl().toString();
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    String url(UUID jobId, int index) {
        return base + "/v1/jobs/" + jobId + "/outputs/" + index;
    }
}
