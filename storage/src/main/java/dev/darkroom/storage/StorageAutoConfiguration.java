package dev.darkroom.storage;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * {@link ObjectStorage} from {@code darkroom.storage.*}, present when {@code darkroom.storage.endpoint} is set.
 * With {@code bootstrap=true} the bucket is created after the singletons exist and before any listener container
 * starts, so no message is handled before there is somewhere to store its output.
 */
@AutoConfiguration
@ConditionalOnProperty(prefix = "darkroom.storage", name = "endpoint")
@EnableConfigurationProperties(StorageProperties.class)
public class StorageAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ObjectStorage objectStorage(StorageProperties properties) {
        return new ObjectStorage(properties);
    }

    @Bean
    @ConditionalOnProperty(prefix = "darkroom.storage", name = "bootstrap", matchIfMissing = true)
    SmartInitializingSingleton storageBootstrap(ObjectStorage storage) {
        return storage::bootstrap;
    }
}
