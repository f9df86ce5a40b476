package dev.switchboard.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.switchboard.chat.StreamEvent.Finished;
import dev.switchboard.chat.StreamEvent.Started;
import dev.switchboard.chat.StreamEvent.Text;

class PrefillSeamTest {

    @Test
    void sendsThePrefillWithoutTrailingWhitespace() {
        assertThat(PrefillSeam.sendable(Optional.of("Once upon a time, \n\t"))).contains("Once upon a time,");
        assertThat(PrefillSeam.sendable(Optional.of("  Leading space stays"))).contains("  Leading space stays");
    }

    @Test
    void sendsNoPrefillWhenThereIsNoneOrOnlyWhitespace() {
        assertThat(PrefillSeam.sendable(Optional.empty())).isEmpty();
        assertThat(PrefillSeam.sendable(Optional.of(" \n "))).isEmpty();
    }

    @Test
    void dropsTheWhitespaceTheContinuationRepeats() {
        PrefillSeam seam = PrefillSeam.after(Optional.of("Hello "));
        assertThat(seam.join(List.of(new Started("msg_01", "claude"), new Text(" world"), new Text(" again"))))
                .containsExactly(new Started("msg_01", "claude"), new Text("world"), new Text(" again"));
    }

    @Test
    void followsTheRepeatAcrossEventsAndDropsEventsLeftEmpty() {
        PrefillSeam seam = PrefillSeam.after(Optional.of("First paragraph.\n\n"));
        assertThat(seam.join(List.of(new Text("\n")))).isEmpty();
        assertThat(seam.join(List.of(new Text("\nSecond"), new Text("\n\nThird")))).containsExactly(
                new Text("Second"), new Text("\n\nThird"));
    }

    static Stream<Arguments> seams() {
        return Stream.of(
                arguments("Hello ", "world", "world"),
                arguments("Hello ", "  world", " world"),
                arguments("Hello\n", " world", " world"),
                arguments("Hello", " world", " world"));
    }

    @ParameterizedTest(name = "after {0}, {1} is passed on as {2}")
    @MethodSource("seams")
    void keepsWhatDoesNotRepeatTheCut(String prefill, String continuation, String passedOn) {
        PrefillSeam seam = PrefillSeam.after(Optional.of(prefill));
        assertThat(seam.join(List.of(new Text(continuation)))).containsExactly(new Text(passedOn));
    }

    @Test
    void passesEverythingOnWithoutAPrefill() {
        List<StreamEvent> events = List.of(new Started("msg_01", "claude"), new Text(" leading space"),
                new Finished(FinishReason.STOP));
        assertThat(PrefillSeam.after(Optional.empty()).join(events)).isEqualTo(events);
    }
}
