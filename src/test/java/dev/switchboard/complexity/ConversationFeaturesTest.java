package dev.switchboard.complexity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.switchboard.chat.ChatMessage;
import dev.switchboard.chat.ChatRequest;
import dev.switchboard.chat.Role;
import dev.switchboard.complexity.ConversationFeatures.Feature;

class ConversationFeaturesTest {

    private static ChatRequest user(String text) {
        return ChatRequest.of(List.of(ChatMessage.of(Role.USER, text)));
    }

    private static double feature(ChatRequest request, Feature feature) {
        return ConversationFeatures.of(request)[feature.ordinal()];
    }

    private static double count(long n) {
        return Math.log1p(n);
    }

    @Test
    void namesAreTheFeaturesInVectorOrder() {
        assertThat(ConversationFeatures.NAMES).hasSize(ConversationFeatures.COUNT)
                .startsWith("last_message_chars", "conversation_chars").endsWith("short_answer", "long_answer");
        assertThat(ConversationFeatures.of(user("hi"))).hasSize(ConversationFeatures.COUNT);
    }

    @Test
    void codeIsSeenInFencesSymbolsKeywordsAndWords() {
        ChatRequest request = user("Debug this function, it never returns:\n\n```python\ndef total(items):\n"
                + "    return sum([i for i in items]);\n```");

        assertThat(feature(request, Feature.CODE_FENCES)).isEqualTo(count(2));
        // def, return
        assertThat(feature(request, Feature.CODE_KEYWORDS)).isEqualTo(count(2));
        // debug, function, python
        assertThat(feature(request, Feature.CODE_WORDS)).isEqualTo(count(3));
        assertThat(feature(request, Feature.CODE_SYMBOLS)).isGreaterThan(0);
        assertThat(feature(request, Feature.MATH_NOTATION)).isZero();
    }

    @Test
    void mathsIsSeenInLatexSymbolsOperatorsDigitsAndWords() {
        ChatRequest request = user("Solve $x^2 + 3x = 10$ and write $\\frac{a}{b}$ as a common fraction; is 7 ≤ x?");

        // $ four times, ^ once, \frac once, ≤ once
        assertThat(feature(request, Feature.MATH_NOTATION)).isEqualTo(count(7));
        // solve, fraction, "common fraction"
        assertThat(feature(request, Feature.MATH_WORDS)).isEqualTo(count(3));
        assertThat(feature(request, Feature.OPERATORS)).isGreaterThan(0);
        assertThat(feature(request, Feature.DIGITS)).isGreaterThan(0);
        assertThat(feature(request, Feature.QUESTION)).isEqualTo(1);
        assertThat(feature(request, Feature.CODE_FENCES)).isZero();
    }

    @Test
    void reasoningAndSimpleRequestsAreCountedByWordsAndPhrases() {
        // compare, "trade offs" (a hyphen joins words), explain, why, "step by"
        assertThat(feature(user("Compare the trade-offs and explain why, step by step."), Feature.REASONING_WORDS))
                .isEqualTo(count(5));
        assertThat(feature(user("What is a monad? Translate it to French."), Feature.SIMPLE_REQUEST_WORDS))
                .isEqualTo(count(2));
        assertThat(feature(user("What, is it?"), Feature.SIMPLE_REQUEST_WORDS))
                .as("a comma between the words breaks the phrase").isZero();
    }

    @Test
    void conversationFeaturesCountTurnsInstructionsAndAllCharacters() {
        ChatRequest request = ChatRequest.of(List.of(
                ChatMessage.of(Role.SYSTEM, "Be brief."),
                ChatMessage.of(Role.USER, "Hello"),
                ChatMessage.of(Role.ASSISTANT, "Hi! How can I help?"),
                ChatMessage.of(Role.USER, "Tell me a joke")));

        assertThat(feature(request, Feature.EARLIER_TURNS)).isEqualTo(count(1));
        assertThat(feature(request, Feature.INSTRUCTIONS)).isEqualTo(1);
        assertThat(feature(request, Feature.LAST_MESSAGE_CHARS)).isEqualTo(count("Tell me a joke".length()));
        assertThat(feature(request, Feature.CONVERSATION_CHARS)).isEqualTo(count(9 + 5 + 19 + 14));
        assertThat(feature(user("Tell me a joke"), Feature.EARLIER_TURNS)).isZero();
        assertThat(feature(user("Tell me a joke"), Feature.INSTRUCTIONS)).isZero();
    }

    @Test
    void aFewShotPromptEndsInItsFinalParagraphWithOptions() {
        String example = "Which gas do plants take in?\nA) oxygen\nB) carbon dioxide\nAnswer: B";
        String question = "Which planet is largest?\nA) Mars\nB) Jupiter\n(C) Venus\nD. Earth\nAnswer:";
        ChatRequest request = user(example + "\n\n" + example + "\n  \n" + question);

        assertThat(feature(request, Feature.PARAGRAPHS)).isEqualTo(count(3));
        assertThat(feature(request, Feature.FINAL_PARAGRAPH_CHARS)).isCloseTo(count(question.length()), within(1e-12));
        assertThat(feature(request, Feature.OPTIONS)).isEqualTo(count(4));
        assertThat(feature(request, Feature.QUESTION)).isEqualTo(1);
    }

    @Test
    void aBlankToFillInIsALoneRunOfUnderscores() {
        assertThat(feature(user("The trophy did not fit because the _ was too big."), Feature.BLANK)).isEqualTo(1);
        assertThat(feature(user("Fill in: the ___."), Feature.BLANK)).isEqualTo(1);
        assertThat(feature(user("Rename snake_case_names to camelCase."), Feature.BLANK)).isZero();
    }

    @Test
    void aSmallMaxTokensAsksForAShortAnswerAndALargeOneIsOnlyACeiling() {
        ChatRequest question = user("Is this review positive?");

        assertThat(feature(question, Feature.SHORT_ANSWER)).isZero();
        assertThat(feature(question.withMaxTokens(16), Feature.SHORT_ANSWER)).isEqualTo(1);
        assertThat(feature(question.withMaxTokens(ConversationFeatures.SHORT_ANSWER_TOKENS + 1), Feature.SHORT_ANSWER))
                .isZero();
        assertThat(feature(question.withMaxTokens(8192), Feature.LONG_ANSWER)).isZero();
        assertThat(feature(user("Answer in one word: is it positive?"), Feature.SHORT_ANSWER)).isEqualTo(1);
        assertThat(feature(user("Write a detailed essay on the causes of the war."), Feature.LONG_ANSWER)).isEqualTo(1);
    }

    @Test
    void partsOfAMessageReadAsOneTextJoinedByNewlines() {
        ChatRequest parts = ChatRequest.of(List.of(new ChatMessage(Role.USER, List.of("Explain", "why"), null)));

        assertThat(ConversationFeatures.of(parts)).containsExactly(ConversationFeatures.of(user("Explain\nwhy")));
    }

    @Test
    void onlyTheEndOfAHugeMessageIsScannedButItsWholeLengthCounts() {
        String padding = "lorem ipsum ".repeat(ConversationFeatures.SCAN_LIMIT);
        ChatRequest request = user("```\ndef f(): return 1\n```\n" + padding + "Why?");

        assertThat(feature(request, Feature.CODE_FENCES)).as("the fences are before the scanned tail").isZero();
        assertThat(feature(request, Feature.REASONING_WORDS)).isEqualTo(count(1));
        assertThat(feature(request, Feature.LAST_MESSAGE_CHARS))
                .isEqualTo(count(request.messages().get(0).text().length()));
    }

    @Test
    void aRequestWithoutAUserMessageHasOnlyConversationFeatures() {
        double[] features = ConversationFeatures.of(ChatRequest.of(List.of(ChatMessage.of(Role.SYSTEM, "Be nice."))));

        assertThat(features[Feature.CONVERSATION_CHARS.ordinal()]).isEqualTo(count(8));
        assertThat(features[Feature.INSTRUCTIONS.ordinal()]).isEqualTo(1);
        assertThat(features[Feature.LAST_MESSAGE_CHARS.ordinal()]).isZero();
        assertThat(features[Feature.REASONING_WORDS.ordinal()]).isZero();
    }
}
