package dev.darkroom.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;

class DarkroomInfraConditionTest {

    private static final Infra[] ALL = Infra.values();

    @Test
    void aClassNeedingMissingInfrastructureFailsUnderCi() {
        InfraResolver resolver =
                new InfraResolver(Map.of("CI", "true", "PG_URL", "jdbc:postgresql://x/y"), () -> false);

        assertThatThrownBy(() -> DarkroomInfraCondition.evaluate(ALL, resolver))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("RABBITMQ_HOST");
    }

    @Test
    void aClassNeedingMissingInfrastructureIsSkippedWithTheReasonElsewhere() {
        InfraResolver resolver = new InfraResolver(Map.of(), () -> false);

        ConditionEvaluationResult result = DarkroomInfraCondition.evaluate(ALL, resolver);

        assertThat(result.isDisabled()).isTrue();
        assertThat(result.getReason())
                .hasValueSatisfying(reason -> assertThat(reason).contains("PG_URL"));
    }

    @Test
    void aClassRunsWhenEverythingItNeedsIsThere() {
        InfraResolver resolver = new InfraResolver(
                Map.of("CI", "true", "PG_URL", "jdbc:postgresql://x/y", "RABBITMQ_HOST", "mq"), () -> false);

        assertThat(DarkroomInfraCondition.evaluate(ALL, resolver).isDisabled()).isFalse();
    }

    @Test
    void inProcessInfrastructureAloneNeverSkips() {
        InfraResolver resolver = new InfraResolver(Map.of("CI", "true"), () -> false);

        assertThat(DarkroomInfraCondition.evaluate(new Infra[] {Infra.S3, Infra.FAL_SIM}, resolver)
                        .isDisabled())
                .isFalse();
    }
}
