package dev.switchboard.complexity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.switchboard.chat.ChatMessage;
import dev.switchboard.chat.ChatRequest;
import dev.switchboard.chat.Role;
import dev.switchboard.routing.Tier;

/** The seed's heuristic on the seed's own five example queries, with the tiers the seed gave them. */
class KeywordClassifierTest {

    private final KeywordClassifier classifier = new KeywordClassifier();

    private Tier classify(String text) {
        return classifier.classify(ChatRequest.of(List.of(ChatMessage.of(Role.USER, text))));
    }

    @Test
    void theSeedsExamplesGetTheSeedsTiers() {
        assertThat(classify("What is Python?")).isEqualTo(Tier.SIMPLE);
        assertThat(classify("Compare microservices vs monolith trade-offs")).isEqualTo(Tier.COMPLEX);
        assertThat(classify("Translate 'hello' to Spanish")).isEqualTo(Tier.SIMPLE);
        assertThat(classify("Debug this recursive function and explain why it stack overflows"))
                .isEqualTo(Tier.COMPLEX);
        assertThat(classify("List the top 5 Python web frameworks")).isEqualTo(Tier.SIMPLE);
    }

    @Test
    void withoutAPhraseARequestIsModerate() {
        assertThat(classify("Tell me a joke about penguins")).isEqualTo(Tier.MODERATE);
    }

    @Test
    void onlyTheLastUserMessageCounts() {
        ChatRequest request = ChatRequest.of(List.of(
                ChatMessage.of(Role.USER, "Compare these two designs"),
                ChatMessage.of(Role.ASSISTANT, "Which ones?"),
                ChatMessage.of(Role.USER, "Translate the first to German")));

        assertThat(classifier.classify(request)).isEqualTo(Tier.SIMPLE);
    }
}
