package dev.switchboard.degraded;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.support.TestConfig;

/** Out of the box, degraded mode is on, remembers answers, and has the seed's three categories. */
class DegradedDefaultsTest {

    private final SwitchboardConfig.Degraded defaults = TestConfig.load(TestConfig.seed()).degraded();

    @Test
    void isOnAndRemembersAnswersForAnHour() {
        assertThat(defaults.enabled()).isTrue();
        assertThat(defaults.cache().enabled()).isTrue();
        assertThat(defaults.cache().maxEntries()).isEqualTo(1000);
        assertThat(defaults.cache().ttl()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void hasTheSeedsCategoriesWithGeneralTheDefault() {
        StaticMessages messages = new StaticMessages(defaults);

        assertThat(messages.categories()).containsExactly("general", "search", "support");
        assertThat(messages.defaultCategory()).isEqualTo("general");
        assertThat(messages.message("general"))
                .contains("I'm experiencing technical difficulties. Please try again in a few minutes.");
    }

    @Test
    void configuredMessagesRewordOrAddCategories() {
        StaticMessages messages = new StaticMessages(TestConfig.load(TestConfig.seed(
                "switchboard.degraded.messages.support", "Write to help@acme.test.",
                "switchboard.degraded.messages.billing", "Billing is offline.")).degraded());

        assertThat(messages.categories()).containsExactly("billing", "general", "search", "support");
        assertThat(messages.message("support")).contains("Write to help@acme.test.");
        assertThat(messages.message("billing")).contains("Billing is offline.");
    }
}
