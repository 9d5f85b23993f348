package dev.darkroom.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class DarkroomTestInfraTest {

    @Test
    void registersTheStoragePropertiesWithAFreshBucketEachTime() {
        Map<String, Supplier<Object>> first = new HashMap<>();
        Map<String, Supplier<Object>> second = new HashMap<>();

        DarkroomTestInfra.register(first::put, Infra.S3);
        DarkroomTestInfra.register(second::put, Set.of(Infra.S3));

        assertThat(first)
                .containsOnlyKeys(
                        "darkroom.storage.endpoint",
                        "darkroom.storage.access-key",
                        "darkroom.storage.secret-key",
                        "darkroom.storage.region",
                        "darkroom.storage.bucket");
        assertThat(first.get("darkroom.storage.endpoint").get())
                .isEqualTo(S3Server.shared().endpoint());
        assertThat(first.get("darkroom.storage.bucket").get())
                .isNotEqualTo(second.get("darkroom.storage.bucket").get());
    }

    @Test
    void registersNothingForNothing() {
        Map<String, Supplier<Object>> registered = new HashMap<>();

        DarkroomTestInfra.register(registered::put);

        assertThat(registered).isEmpty();
    }
}
