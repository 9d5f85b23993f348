package dev.darkroom.falsim.queue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AppPathTest {

    @Test
    void theAppIsOwnerAndAppWithTheSubpathDropped() {
        assertThat(AppPath.ofEndpoint("fal-ai/flux/dev").appId()).isEqualTo("fal-ai/flux");
        assertThat(AppPath.ofEndpoint("fal-ai/minimax/hailuo-02/standard/image-to-video")
                        .appId())
                .isEqualTo("fal-ai/minimax");
        assertThat(AppPath.ofEndpoint("fal-ai/flux-lora").appId()).isEqualTo("fal-ai/flux-lora");
    }

    @Test
    void workflowsAndComfyNamespacesKeepThreeSegments() {
        assertThat(AppPath.ofEndpoint("workflows/acme/pipeline/run").appId()).isEqualTo("workflows/acme/pipeline");
        assertThat(AppPath.ofEndpoint("comfy/acme/graph").appId()).isEqualTo("comfy/acme/graph");
        assertThat(AppPath.of("workflows", "acme", "pipeline").appId()).isEqualTo("workflows/acme/pipeline");
    }

    @Test
    void tooShortIdsAndUnknownNamespacesHaveNoApp() {
        assertThat(AppPath.ofEndpoint("flux")).isNull();
        assertThat(AppPath.ofEndpoint("workflows/acme")).isNull();
        assertThat(AppPath.of("bogus", "acme", "pipeline")).isNull();
    }
}
