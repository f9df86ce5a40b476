package dev.switchboard.complexity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.switchboard.chat.ChatMessage;
import dev.switchboard.chat.ChatRequest;
import dev.switchboard.chat.Role;
import dev.switchboard.routing.Tier;
import io.quarkus.arc.ClientProxy;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** {@code switchboard.auto.classifier=keywords} gives the running gateway the seed's heuristic. */
@QuarkusTest
@TestProfile(KeywordsPolicyBeanTest.KeywordsPolicy.class)
class KeywordsPolicyBeanTest {

    public static class KeywordsPolicy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("switchboard.auto.classifier", "keywords");
        }
    }

    @Inject
    ComplexityClassifier classifier;

    @Test
    void theBeanIsTheKeywordHeuristic() {
        assertThat(ClientProxy.unwrap(classifier)).isInstanceOf(KeywordClassifier.class);
        assertThat(classifier.classify(ChatRequest.of(List.of(ChatMessage.of(Role.USER, "What is Python?")))))
                .isEqualTo(Tier.SIMPLE);
    }
}
