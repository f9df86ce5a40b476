package dev.switchboard.complexity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.config.SwitchboardConfig.ClassifierPolicy;
import dev.switchboard.support.TestConfig;

class ComplexityClassifiersTest {

    @Test
    void learnedIsTheDefaultPolicy() {
        SwitchboardConfig config = TestConfig.load(TestConfig.seed());

        assertThat(config.auto().classifier()).isEqualTo(ClassifierPolicy.LEARNED);
        assertThat(ComplexityClassifiers.forPolicy(config.auto().classifier())).isInstanceOf(LearnedClassifier.class);
    }

    @Test
    void keywordsSelectsTheSeedsHeuristic() {
        SwitchboardConfig config = TestConfig.load(TestConfig.seed("switchboard.auto.classifier", "keywords"));

        assertThat(config.auto().classifier()).isEqualTo(ClassifierPolicy.KEYWORDS);
        assertThat(ComplexityClassifiers.forPolicy(config.auto().classifier())).isInstanceOf(KeywordClassifier.class);
    }
}
