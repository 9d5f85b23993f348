package dev.darkroom.falsim.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PromptTokensTest {

    @Test
    void everyTokenIsRecognised() {
        PromptTokens tokens = PromptTokens.parse("a cat [sim:stuck] [sim:drop_webhook] [sim:duplicate_webhook] "
                + "[sim:delay_webhook=2s] [sim:reorder_webhook] [sim:slow=1500ms] [sim:model_error]");

        assertThat(tokens.stuck()).isTrue();
        assertThat(tokens.dropWebhook()).isTrue();
        assertThat(tokens.duplicateWebhook()).isTrue();
        assertThat(tokens.reorderWebhook()).isTrue();
        assertThat(tokens.webhookDelay()).isEqualTo(Duration.ofSeconds(2));
        assertThat(tokens.slow()).isEqualTo(Duration.ofMillis(1500));
        assertThat(tokens.modelError()).isEqualTo("content_policy_violation");
    }

    @Test
    void aModelErrorTokenMayNameItsType() {
        assertThat(PromptTokens.parse("[sim:model_error=no_media_generated]").modelError())
                .isEqualTo("no_media_generated");
    }

    @Test
    void ordinaryPromptsAndUnknownOrMalformedTokensTriggerNothing() {
        PromptTokens tokens = PromptTokens.parse("[sim:teleport] [sim:slow=soon] [simstuck] sim:stuck");

        assertThat(tokens).isEqualTo(PromptTokens.parse("a plain prompt"));
        assertThat(PromptTokens.parse(null).stuck()).isFalse();
    }
}
