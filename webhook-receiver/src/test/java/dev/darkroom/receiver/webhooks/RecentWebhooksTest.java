package dev.darkroom.receiver.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class RecentWebhooksTest {

    private final UUID job = UUID.randomUUID();

    @Test
    void aWebhookIsRecentOnlyWithTheSameJobRequestAndBody() {
        RecentWebhooks recent = new RecentWebhooks(10);
        recent.add(job, "r1", "aaa");

        assertThat(recent.contains(job, "r1", "aaa")).isTrue();
        assertThat(recent.contains(job, "r1", "bbb")).isFalse();
        assertThat(recent.contains(job, "r2", "aaa")).isFalse();
        assertThat(recent.contains(UUID.randomUUID(), "r1", "aaa")).isFalse();
    }

    @Test
    void theLeastRecentlySeenWebhookIsForgottenFirstWhenFull() {
        RecentWebhooks recent = new RecentWebhooks(2);
        recent.add(job, "r1", "a");
        recent.add(job, "r2", "b");
        recent.contains(job, "r1", "a");
        recent.add(job, "r3", "c");

        assertThat(recent.size()).isEqualTo(2);
        assertThat(recent.contains(job, "r1", "a")).isTrue();
        assertThat(recent.contains(job, "r2", "b")).isFalse();
        assertThat(recent.contains(job, "r3", "c")).isTrue();
    }

    @Test
    void aCapacityOfZeroRemembersNothing() {
        RecentWebhooks recent = new RecentWebhooks(0);
        recent.add(job, "r1", "a");

        assertThat(recent.contains(job, "r1", "a")).isFalse();
    }
}
