package dev.switchboard.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** A streamed answer is the whole answer cut into pieces: nothing lost, nothing added. */
class SimulatedRepliesTest {

    @Test
    void piecesHoldAFewWordsEachAndJoinIntoTheText() {
        String text = "[simulated openai gpt-4o] This is  a canned\nanswer. You said: \"héllo 👋 there\" ";

        List<String> pieces = SimulatedReplies.pieces(text);

        assertThat(String.join("", pieces)).isEqualTo(text);
        assertThat(pieces).hasSizeGreaterThan(3)
                .allSatisfy(piece -> assertThat(piece.strip().split("\\s+")).hasSizeBetween(1, 3));
        assertThat(pieces.get(0)).isEqualTo("[simulated openai gpt-4o] ");
    }

    @Test
    void shortAndBlankTextsStayWhole() {
        assertThat(SimulatedReplies.pieces("Hi")).containsExactly("Hi");
        assertThat(SimulatedReplies.pieces("  ")).containsExactly("  ");
        assertThat(SimulatedReplies.pieces("")).isEmpty();
    }
}
