package dev.darkroom.receiver.outputs;

import dev.darkroom.support.fal.FalProperties;
import java.net.InetAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The download policy: fal's configured CDN host plus its known siblings, and the operator's trusted hosts. */
@Configuration(proxyBeanMethods = false)
class OutputConfiguration {

    @Bean
    OutputUrlPolicy outputUrlPolicy(OutputProperties properties, FalProperties fal) {
        List<String> cdnHosts = new ArrayList<>(properties.falCdnHosts());
        String configured = URI.create(fal.cdnUrl()).getHost();
        if (configured != null) {
            cdnHosts.add(configured);
        }
        return new OutputUrlPolicy(cdnHosts, properties.allowedOutputHosts(), InetAddress::getAllByName);
    }

    @Bean
    OutputDownloader outputDownloader(OutputUrlPolicy policy, OutputProperties properties) {
        return new OutputDownloader(policy, properties);
    }
}
