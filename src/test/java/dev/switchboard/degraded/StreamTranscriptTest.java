package dev.switchboard.degraded;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.switchboard.chat.FinishReason;
import dev.switchboard.chat.StreamEvent;
import dev.switchboard.chat.Usage;

/** A streamed answer is worth remembering only once it is complete, finished by the model, and has text. */
class StreamTranscriptTest {

    private static StreamTranscript played(StreamEvent... events) {
        StreamTranscript transcript = new StreamTranscript(false);
        for (StreamEvent event : events) {
            transcript.add(event);
        }
        return transcript;
    }

    @Test
    void aFinishedStreamIsTheWholeAnswer() {
        StreamTranscript transcript = played(new StreamEvent.Started("id", "gpt-4o"), new StreamEvent.Text("Hello"),
                new StreamEvent.Text(", world"), new StreamEvent.Finished(FinishReason.STOP),
                new StreamEvent.UsageReported(new Usage(3, 2)));

        assertThat(transcript.answer()).contains(new GoodAnswer("gpt-4o", "Hello, world", FinishReason.STOP, false));
    }

    @Test
    void aContinuedStreamIsOneAnswerNamedAfterTheModelThatFinishedIt() {
        StreamTranscript transcript = played(new StreamEvent.Started("id", "gpt-4o"), new StreamEvent.Text("Hello wor"),
                new StreamEvent.Started(null, "llama-3.1-70b"), new StreamEvent.Text("ld"),
                new StreamEvent.Finished(FinishReason.STOP));

        assertThat(transcript.answer()).contains(new GoodAnswer("llama-3.1-70b", "Hello world", FinishReason.STOP, false));
    }

    @Test
    void anInterruptedStreamIsNeverAnAnswer() {
        assertThat(played(new StreamEvent.Started("id", "gpt-4o"), new StreamEvent.Text("Hello"),
                new StreamEvent.Interrupted("cut")).answer()).isEmpty();
    }

    @Test
    void aStreamWithoutAFinishIsNeverAnAnswer() {
        assertThat(played(new StreamEvent.Started("id", "gpt-4o"), new StreamEvent.Text("Hello")).answer()).isEmpty();
    }

    @Test
    void anAnswerCutAtTheRequestsOutputLimitIsKeptWithThatReason() {
        assertThat(played(new StreamEvent.Started("id", "gpt-4o"), new StreamEvent.Text("Hello"),
                new StreamEvent.Finished(FinishReason.LENGTH)).answer())
                .contains(new GoodAnswer("gpt-4o", "Hello", FinishReason.LENGTH, false));
    }

    @Test
    void aFilteredOrEmptyAnswerIsNotKept() {
        assertThat(played(new StreamEvent.Started("id", "gpt-4o"), new StreamEvent.Text("Hel"),
                new StreamEvent.Finished(FinishReason.CONTENT_FILTER)).answer()).isEmpty();
        assertThat(played(new StreamEvent.Started("id", "gpt-4o"), new StreamEvent.Finished(FinishReason.STOP)).answer())
                .isEmpty();
    }

    @Test
    void aSimulatedAnswerIsKeptAsSimulated() {
        StreamTranscript transcript = new StreamTranscript(true);
        transcript.add(new StreamEvent.Started("id", "gpt-4o"));
        transcript.add(new StreamEvent.Text("Hi"));
        transcript.add(new StreamEvent.Finished(FinishReason.STOP));

        assertThat(transcript.answer()).map(GoodAnswer::simulated).contains(true);
    }
}
