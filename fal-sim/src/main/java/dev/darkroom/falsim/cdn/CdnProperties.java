package dev.darkroom.falsim.cdn;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The simulated CDN ({@code v3.fal.media}).
 *
 * @param directory where files are kept on disk; unset = a fresh temporary directory, deleted on shutdown
 * @param fileLifetime how long a file is served when its request or upload named no lifetime (fal keeps them
 *     indefinitely by default; a local simulator should not fill the disk)
 * @param sweepInterval how often expired files are deleted
 */
@ConfigurationProperties("fal-sim.cdn")
public record CdnProperties(
        Path directory,
        @DefaultValue("24h") Duration fileLifetime,
        @DefaultValue("1m") Duration sweepInterval) {}
