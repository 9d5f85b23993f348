package dev.darkroom.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkroom.testsupport.S3Server;
import io.minio.BucketExistsArgs;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BucketBootstrapTest {

    private final S3Server s3 = S3Server.shared();

    private StorageProperties properties(String bucket) {
        return StorageProperties.of(s3.endpoint(), s3.accessKey(), s3.secretKey(), bucket);
    }

    @Test
    void createsTheBucketOnceAndKeepsItsObjectsWhenRunAgain() throws Exception {
        String bucket = "darkroom-boot-" + UUID.randomUUID().toString().substring(0, 8);
        ObjectStorage storage = new ObjectStorage(properties(bucket));

        storage.bootstrap();
        storage.put("t/kept.png", new ByteArrayInputStream(new byte[] {1, 2, 3}), "image/png", 10);
        storage.bootstrap();

        assertThat(s3.client()
                        .bucketExists(BucketExistsArgs.builder().bucket(bucket).build()))
                .isTrue();
        assertThat(storage.exists("t/kept.png")).isTrue();
    }

    @Test
    void servicesStartingTogetherAllSucceed() throws Exception {
        String bucket = "darkroom-race-" + UUID.randomUUID().toString().substring(0, 8);
        int services = 8;
        ExecutorService pool = Executors.newFixedThreadPool(services);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> starts = new ArrayList<>();
        for (int i = 0; i < services; i++) {
            ObjectStorage storage = new ObjectStorage(properties(bucket));
            starts.add(pool.submit(() -> {
                start.await();
                storage.bootstrap();
                return null;
            }));
        }

        start.countDown();
        for (Future<?> f : starts) {
            f.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(s3.client()
                        .bucketExists(BucketExistsArgs.builder().bucket(bucket).build()))
                .isTrue();
    }
}
