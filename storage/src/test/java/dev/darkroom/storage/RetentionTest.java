package dev.darkroom.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.darkroom.testsupport.S3Server;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RetentionTest {

    private final S3Server s3 = S3Server.shared();
    private final ObjectStorage storage =
            new ObjectStorage(StorageProperties.of(s3.endpoint(), s3.accessKey(), s3.secretKey(), s3.newBucket()));

    @Test
    void s3proxyRefusesLifecycleRulesWhichIsReportedNotThrown() {
        Map<String, Integer> retention =
                Map.of(ObjectKeys.tenantPrefix(UUID.randomUUID()), 30, ObjectKeys.tenantPrefix(UUID.randomUUID()), 7);

        RetentionResult first = storage.applyRetention(retention);
        RetentionResult second = storage.applyRetention(retention);

        assertThat(first.applied()).isFalse();
        assertThat(first.rules()).isEqualTo(2);
        assertThat(first.unsupportedReason()).contains("does not support bucket lifecycle rules");
        assertThat(second).isEqualTo(first);
    }

    @Test
    void refusesRulesS3WouldReject() {
        assertThatThrownBy(() -> storage.applyRetention(Map.of("t/", 0))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> storage.applyRetention(Map.of("", 5))).isInstanceOf(IllegalArgumentException.class);
    }
}
