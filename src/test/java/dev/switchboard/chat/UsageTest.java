package dev.switchboard.chat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UsageTest {

    @Test
    void keepsWhatAProviderReports() {
        assertThat(new Usage(19, 10, 7)).isEqualTo(new Usage(19, 10, 7));
        assertThat(new Usage(19, 10, 7).totalTokens()).isEqualTo(29);
    }

    @Test
    void aNegativeCountIsReadAsNone() {
        // Found by ProviderResponsesFuzzTest: "cached_tokens": -1 priced the prompt above its full price.
        Usage usage = new Usage(-5, -1, -1);
        assertThat(usage.promptTokens()).isZero();
        assertThat(usage.completionTokens()).isZero();
        assertThat(usage.cachedPromptTokens()).isZero();
    }

    @Test
    void neverMoreCachedThanPromptTokens() {
        assertThat(new Usage(19, 10, 50).cachedPromptTokens()).isEqualTo(19);
    }

    @Test
    void sumsSaturateInsteadOfOverflowing() {
        Usage huge = new Usage(Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE);
        assertThat(huge.plus(new Usage(1, 1, 1))).isEqualTo(huge);
        assertThat(huge.totalTokens()).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void cacheWritesAndReasoningAreNeverMoreThanTheirWholes() {
        Usage usage = new Usage(100, 10, 60, 80, 50);
        assertThat(usage.cacheWriteTokens()).isEqualTo(40);
        assertThat(usage.reasoningTokens()).isEqualTo(10);
        assertThat(new Usage(100, 10, 0, -3, -1)).isEqualTo(new Usage(100, 10, 0, 0, 0));
        assertThat(new Usage(10, 5, 1, 2, 3).plus(new Usage(10, 5, 1, 2, 3))).isEqualTo(new Usage(20, 10, 2, 4, 6));
    }
}
