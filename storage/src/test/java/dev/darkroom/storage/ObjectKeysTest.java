package dev.darkroom.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ObjectKeysTest {

    private static final UUID TENANT = UUID.fromString("6f1c1e5e-3d43-4a8e-9a55-0c2f0b7f8a01");
    private static final UUID JOB = UUID.fromString("0b9d1c1a-55f2-4c1e-8d0c-2a7f3e9b6c10");

    @Test
    void outputKeysLiveUnderTheTenantByUtcYearAndMonth() {
        // 23:30 on 31 January in UTC is already February in UTC+1: the key must not follow the JVM's zone
        String key = ObjectKeys.output(TENANT, Instant.parse("2025-01-31T23:30:00Z"), JOB, 2, "png");

        assertThat(key).isEqualTo(TENANT + "/2025/01/" + JOB + "/2.png");
        assertThat(key).startsWith(ObjectKeys.tenantPrefix(TENANT));
    }

    @Test
    void theTenantPrefixEndsWithASlashSoOneTenantIsNeverAPrefixOfAnother() {
        assertThat(ObjectKeys.tenantPrefix(TENANT)).isEqualTo(TENANT + "/");
    }

    @Test
    void refusesExtensionsThatWouldBreakTheLayout() {
        Instant now = Instant.parse("2025-06-01T00:00:00Z");
        assertThatThrownBy(() -> ObjectKeys.output(TENANT, now, JOB, 0, ".png"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ObjectKeys.output(TENANT, now, JOB, 0, "png/../x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ObjectKeys.output(TENANT, now, JOB, -1, "png"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ObjectKeys.output(null, now, JOB, 0, "png")).isInstanceOf(NullPointerException.class);
    }
}
