package dev.switchboard.complexity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.switchboard.chat.ChatMessage;
import dev.switchboard.chat.ChatRequest;
import dev.switchboard.chat.Role;
import dev.switchboard.routing.Tier;

/**
 * The shipped weights on fixed examples. The tiers follow from what the training data shows (see
 * src/bench/classifier/RESULTS.md): on RouterBench the mid model costs a twelfth of the strong one and
 * is right far more often than the cheap one, so at the shipped trade-off the cheap tier is never
 * worth the risk; the strong tier is worth it where the data shows a large gain over mid, which the
 * features see as maths notation and long fill-in-the-blank prompts.
 */
class LearnedClassifierTest {

    private static final LearnedClassifier CLASSIFIER = LearnedClassifier.fromResource();

    private static ChatRequest user(String text) {
        return ChatRequest.of(List.of(ChatMessage.of(Role.USER, text)));
    }

    private static Tier classify(String text) {
        return CLASSIFIER.classify(user(text));
    }

    /**
     * Moderate for all five: none has maths notation or the long cloze form that needs the strong
     * model in the data, and the mid model is worth its price over the cheap one even for "What is
     * Python?", which the classifier rates the most likely of the five to be cheap enough.
     */
    @Test
    void theSeedsExamplesAreModerate() {
        assertThat(classify("What is Python?")).isEqualTo(Tier.MODERATE);
        assertThat(classify("Compare microservices vs monolith trade-offs")).isEqualTo(Tier.MODERATE);
        assertThat(classify("Translate 'hello' to Spanish")).isEqualTo(Tier.MODERATE);
        assertThat(classify("Debug this recursive function and explain why it stack overflows"))
                .isEqualTo(Tier.MODERATE);
        assertThat(classify("List the top 5 Python web frameworks")).isEqualTo(Tier.MODERATE);

        double whatIsPython = CLASSIFIER.probabilities(user("What is Python?")).simple();
        for (String other : List.of("Compare microservices vs monolith trade-offs", "Translate 'hello' to Spanish",
                "Debug this recursive function and explain why it stack overflows",
                "List the top 5 Python web frameworks")) {
            assertThat(CLASSIFIER.probabilities(user(other)).simple()).as(other).isLessThan(whatIsPython);
        }
    }

    @Test
    void competitionMathsGoesToTheStrongTier() {
        String question = "How many vertical asymptotes does the graph of $y=\\frac{2}{x^2+x-6}$ have?";

        assertThat(classify(question)).isEqualTo(Tier.COMPLEX);
        assertThat(CLASSIFIER.score(user(question))).isGreaterThan(CLASSIFIER.score(user("What is Python?")));
    }

    @Test
    void aFewShotMultipleChoiceQuestionIsModerate() {
        String question = "Which statement best explains why magnets stick to a refrigerator door?\n"
                + "A) The door is smooth.\nB) The door contains iron.\nC) The door conducts.\nD) The door is cold.\n"
                + "Print only a single choice from \"A\" or \"B\" or \"C\" or \"D\" without explanation.\nAnswer:";
        String fewShot = String.join("\n\n", Collections.nCopies(5, question + "\nB")) + "\n\n" + question;

        assertThat(classify(fewShot)).isEqualTo(Tier.MODERATE);
    }

    @Test
    void probabilitiesSumToOneAndTheScoreIsTheirPartBeyondSimple() {
        TierProbabilities p = CLASSIFIER.probabilities(user("Prove that there are infinitely many primes."));

        assertThat(p.simple() + p.moderate() + p.complex()).isCloseTo(1, within(1e-12));
        assertThat(p.sufficient(Tier.COMPLEX)).isCloseTo(1, within(1e-12));
        assertThat(CLASSIFIER.score(user("Prove that there are infinitely many primes.")))
                .isCloseTo(p.moderate() + p.complex(), within(1e-12));
    }

    @Test
    void theDecisionTradesTheChanceOfASufficientTierAgainstItsCost() {
        // Zero weights: every tier equally likely, so sufficient() is 1/3, 2/3 and 1.
        double[][] zero = new double[3][ConversationFeatures.COUNT];
        double[] ones = new double[ConversationFeatures.COUNT];
        Arrays.fill(ones, 1);
        double[] costs = { 0.02, 0.1, 1 };
        ChatRequest any = user("anything");

        assertThat(classifierWith(zero, ones, costs, 0).classify(any)).as("cost ignored").isEqualTo(Tier.COMPLEX);
        // 1/3 - 0.02 < 2/3 - 0.1 > 1 - 1
        assertThat(classifierWith(zero, ones, costs, 1).classify(any)).isEqualTo(Tier.MODERATE);
        assertThat(classifierWith(zero, ones, costs, 10).classify(any)).as("cost is all").isEqualTo(Tier.SIMPLE);
    }

    @Test
    void weightsApplyToStandardisedFeatures() {
        // Only "question" matters: +10 on the complex logit per standard deviation above the mean 0.5.
        double[][] weights = new double[3][ConversationFeatures.COUNT];
        int question = ConversationFeatures.Feature.QUESTION.ordinal();
        weights[2][question] = 10;
        double[] scale = new double[ConversationFeatures.COUNT];
        Arrays.fill(scale, 1);
        scale[question] = 0.5;
        double[] mean = new double[ConversationFeatures.COUNT];
        mean[question] = 0.5;
        LearnedClassifier classifier = new LearnedClassifier(new ClassifierWeights(ConversationFeatures.NAMES, mean,
                scale, new double[3], weights, new double[] { 0.02, 0.1, 1 }, 0.5, "test"));

        // With a question mark: z = (1 - 0.5) / 0.5 = 1, so the complex logit is 10.
        TierProbabilities asked = classifier.probabilities(user("Why?"));
        assertThat(asked.complex()).isCloseTo(Math.exp(10) / (Math.exp(10) + 2), within(1e-12));
        assertThat(classifier.classify(user("Why?"))).isEqualTo(Tier.COMPLEX);
        // Without: z = -1, so the complex logit is -10.
        assertThat(classifier.probabilities(user("Tell me")).complex())
                .isCloseTo(Math.exp(-10) / (Math.exp(-10) + 2), within(1e-12));
    }

    private static LearnedClassifier classifierWith(double[][] weights, double[] scale, double[] costs,
            double costWeight) {
        return new LearnedClassifier(new ClassifierWeights(ConversationFeatures.NAMES,
                new double[ConversationFeatures.COUNT], scale, new double[3], weights, costs, costWeight, "test"));
    }
}
