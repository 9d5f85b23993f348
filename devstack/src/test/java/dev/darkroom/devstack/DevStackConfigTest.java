package dev.darkroom.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DevStackConfigTest {

    @Test
    void defaultsStartEverythingOnPortsNoStandardServerUses() {
        DevStackConfig config = DevStackConfig.parse(new String[0], Map.of());

        assertThat(config.components()).containsExactly(Component.POSTGRES, Component.AMQP, Component.S3);
        assertThat(config.pgPort()).isEqualTo(15432);
        assertThat(config.amqpPort()).isEqualTo(15673);
        assertThat(config.s3Port()).isEqualTo(19000);
        assertThat(config.dataDir()).isEqualTo(Path.of(".darkroom").toAbsolutePath());
        assertThat(config.s3AccessKey()).isNull();
    }

    @Test
    void argumentsWinOverTheEnvironment() {
        DevStackConfig config = DevStackConfig.parse(
                new String[] {"--pg-port=25432", "--data-dir=/tmp/x", "--components=s3,postgres"},
                Map.of("DEVSTACK_PG_PORT", "35432", "DEVSTACK_AMQP_PORT", "35673", "DEVSTACK_DATA_DIR", "/tmp/y"));

        assertThat(config.pgPort()).isEqualTo(25432);
        assertThat(config.amqpPort()).isEqualTo(35673);
        assertThat(config.dataDir()).isEqualTo(Path.of("/tmp/x"));
        assertThat(config.components()).containsExactly(Component.POSTGRES, Component.S3);
    }

    @Test
    void takesS3CredentialsOnlyInPairs() {
        DevStackConfig config =
                DevStackConfig.parse(new String[] {"--s3-access-key=dev", "--s3-secret-key=devsecret"}, Map.of());
        assertThat(config.s3AccessKey()).isEqualTo("dev");
        assertThat(config.s3SecretKey()).isEqualTo("devsecret");

        assertThatThrownBy(() -> DevStackConfig.parse(new String[] {"--s3-access-key=dev"}, Map.of()))
                .hasMessageContaining("both");
    }

    @Test
    void refusesWhatItDoesNotUnderstand() {
        assertThatThrownBy(() -> DevStackConfig.parse(new String[] {"--pg-prot=1"}, Map.of()))
                .hasMessageContaining("--pg-prot=1");
        assertThatThrownBy(() -> DevStackConfig.parse(new String[] {"--pg-port=99999"}, Map.of()))
                .hasMessageContaining("port number");
        assertThatThrownBy(() -> DevStackConfig.parse(new String[] {"--components=redis"}, Map.of()))
                .hasMessageContaining("redis");
        assertThatThrownBy(
                        () -> DevStackConfig.parse(new String[] {"--s3-access-key=a b", "--s3-secret-key=c"}, Map.of()))
                .hasMessageContaining("letters");
    }
}
