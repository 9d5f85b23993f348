package dev.darkroom.falsim.storage;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * fal storage uploads.
 *
 * @param maxUploadSize largest file accepted by one upload (all parts together for a multipart upload)
 * @param uploadUrlLifetime how long an {@code upload_url} from initiate stays usable
 * @param tokenLifetime lifetime of CDN tokens from {@code /storage/auth/token} (fal's python client flow)
 */
@ConfigurationProperties("fal-sim.storage")
public record StorageProperties(
        @DefaultValue("1GB") DataSize maxUploadSize,
        @DefaultValue("1h") Duration uploadUrlLifetime,
        @DefaultValue("1h") Duration tokenLifetime) {}
