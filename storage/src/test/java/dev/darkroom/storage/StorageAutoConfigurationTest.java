package dev.darkroom.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkroom.testsupport.S3Server;
import io.minio.BucketExistsArgs;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.util.unit.DataSize;

class StorageAutoConfigurationTest {

    private final S3Server s3 = S3Server.shared();
    private final ApplicationContextRunner runner =
            new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(StorageAutoConfiguration.class));

    private String[] connection(String bucket) {
        return new String[] {
            "darkroom.storage.endpoint=" + s3.endpoint(),
            "darkroom.storage.access-key=" + s3.accessKey(),
            "darkroom.storage.secret-key=" + s3.secretKey(),
            "darkroom.storage.bucket=" + bucket
        };
    }

    @Test
    void bindsTheDefaultsAndCreatesTheBucketAtStartup() {
        String bucket = "darkroom-auto-" + UUID.randomUUID().toString().substring(0, 8);

        runner.withPropertyValues(connection(bucket)).run(context -> {
            assertThat(context).hasSingleBean(ObjectStorage.class);
            StorageProperties properties = context.getBean(StorageProperties.class);
            assertThat(properties.region()).isEqualTo("us-east-1");
            assertThat(properties.presignTtl()).isEqualTo(Duration.ofMinutes(15));
            assertThat(properties.partSize()).isEqualTo(DataSize.ofMegabytes(8));
            assertThat(properties.publicEndpoint()).isNull();
            assertThat(s3.client()
                            .bucketExists(
                                    BucketExistsArgs.builder().bucket(bucket).build()))
                    .isTrue();
        });
    }

    @Test
    void leavesTheBucketAloneWhenBootstrapIsOff() {
        String bucket = "darkroom-auto-" + UUID.randomUUID().toString().substring(0, 8);

        runner.withPropertyValues(connection(bucket))
                .withPropertyValues("darkroom.storage.bootstrap=false", "darkroom.storage.presign-ttl=2m")
                .run(context -> {
                    assertThat(context.getBean(StorageProperties.class).presignTtl())
                            .isEqualTo(Duration.ofMinutes(2));
                    assertThat(s3.client()
                                    .bucketExists(BucketExistsArgs.builder()
                                            .bucket(bucket)
                                            .build()))
                            .isFalse();
                });
    }

    @Test
    void backsOffWithoutAnEndpoint() {
        runner.run(context -> assertThat(context).doesNotHaveBean(ObjectStorage.class));
    }

    @Test
    void failsAtStartupOnAPartSizeS3WouldRefuse() {
        runner.withPropertyValues(connection("darkroom-x"))
                .withPropertyValues("darkroom.storage.part-size=1MB")
                .run(context -> assertThat(context).getFailure().rootCause().hasMessageContaining("part-size"));
    }
}
