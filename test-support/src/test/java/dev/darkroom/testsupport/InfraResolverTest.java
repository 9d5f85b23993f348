package dev.darkroom.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

class InfraResolverTest {

    private final AtomicInteger dockerProbes = new AtomicInteger();

    private BooleanSupplier docker(boolean available) {
        return () -> {
            dockerProbes.incrementAndGet();
            return available;
        };
    }

    @Test
    void environmentVariablesWinAndDockerIsNeverProbed() {
        InfraResolver resolver =
                new InfraResolver(Map.of("PG_URL", "jdbc:postgresql://db:5432/x", "RABBITMQ_HOST", "mq"), docker(true));

        assertThat(resolver.require(Infra.POSTGRES)).isEqualTo(InfraSource.ENVIRONMENT);
        assertThat(resolver.require(Infra.RABBITMQ)).isEqualTo(InfraSource.ENVIRONMENT);
        assertThat(dockerProbes).hasValue(0);
    }

    @Test
    void testcontainersWhenNothingIsConfiguredAndDockerAnswers() {
        InfraResolver resolver = new InfraResolver(Map.of("CI", "true"), docker(true));

        assertThat(resolver.require(Infra.POSTGRES)).isEqualTo(InfraSource.TESTCONTAINERS);
        assertThat(resolver.require(Infra.RABBITMQ)).isEqualTo(InfraSource.TESTCONTAINERS);
    }

    @Test
    void dockerIsProbedOnceForTheWholeJvm() {
        InfraResolver resolver = new InfraResolver(Map.of(), docker(false));

        resolver.sourceOf(Infra.POSTGRES);
        resolver.sourceOf(Infra.RABBITMQ);
        resolver.sourceOf(Infra.POSTGRES);

        assertThat(dockerProbes).hasValue(1);
    }

    @Test
    void blankVariablesCountAsUnset() {
        InfraResolver resolver = new InfraResolver(Map.of("PG_URL", "  "), docker(false));

        assertThat(resolver.sourceOf(Infra.POSTGRES)).isEqualTo(InfraSource.UNAVAILABLE);
    }

    @Test
    void underCiMissingInfrastructureIsAFailureThatSaysWhatToSet() {
        InfraResolver resolver = new InfraResolver(Map.of("CI", "true"), docker(false));

        assertThatThrownBy(() -> resolver.require(Infra.POSTGRES))
                .isExactlyInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PG_URL")
                .hasMessageContaining("PG_USER")
                .hasMessageContaining("PG_PASSWORD")
                .hasMessageContaining("Docker")
                .hasMessageContaining("CI=true");
        assertThatThrownBy(() -> resolver.require(Infra.RABBITMQ))
                .isExactlyInstanceOf(IllegalStateException.class)
                .hasMessageContaining("RABBITMQ_HOST")
                .hasMessageContaining("RABBITMQ_PASSWORD");
    }

    @Test
    void ciSetToOneCountsAsCi() {
        InfraResolver resolver = new InfraResolver(Map.of("CI", "1"), docker(false));

        assertThatThrownBy(() -> resolver.require(Infra.POSTGRES)).isExactlyInstanceOf(IllegalStateException.class);
    }

    @Test
    void outsideCiMissingInfrastructureAbortsTheTest() {
        InfraResolver resolver = new InfraResolver(Map.of("CI", "false"), docker(false));

        assertThatThrownBy(() -> resolver.require(Infra.RABBITMQ))
                .isExactlyInstanceOf(TestAbortedException.class)
                .hasMessageContaining("RABBITMQ_HOST")
                .hasMessageNotContaining("CI=true");
    }

    @Test
    void inProcessInfrastructureNeedsNeitherEnvironmentNorDocker() {
        InfraResolver resolver = new InfraResolver(Map.of("CI", "true"), docker(false));

        assertThat(resolver.require(Infra.S3)).isEqualTo(InfraSource.IN_PROCESS);
        assertThat(resolver.require(Infra.FAL_SIM)).isEqualTo(InfraSource.IN_PROCESS);
        assertThat(dockerProbes).hasValue(0);
    }
}
