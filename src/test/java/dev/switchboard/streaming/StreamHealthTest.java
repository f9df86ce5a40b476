package dev.switchboard.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.switchboard.health.CircuitState;
import dev.switchboard.health.RouteStatus;
import dev.switchboard.provider.FailureKind;
import dev.switchboard.support.stream.Script;
import dev.switchboard.support.stream.StreamedReply;
import dev.switchboard.support.stream.StreamingProfile;
import dev.switchboard.support.stream.StreamingTestBase;
import dev.switchboard.support.stream.WireStreams;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Streams teach route health too: their time to first token is measured, and breaks after it count as failures. */
@QuarkusTest
@TestProfile(StreamingProfile.class)
class StreamHealthTest extends StreamingTestBase {

    private RouteStatus gpt4o() {
        return availability.route("gpt-4o").orElseThrow();
    }

    @Test
    void aStreamRecordsItsTimeToFirstTokenNotAWholeAnswerLatency() {
        provider.on(OPENAI_CHAT, Script.stream().events(WireStreams.openAi("gpt-4o", "Hi", " there")).end());

        StreamedReply reply = StreamedReply.post(streamed("gpt-4o"));

        assertThat(reply.content()).isEqualTo("Hi there");
        assertThat(gpt4o().timeToFirstToken().samples()).isEqualTo(1);
        assertThat(gpt4o().latency().samples()).isZero();
        assertThat(gpt4o().successes()).isEqualTo(1);
    }

    @Test
    void streamsBrokenAfterTheirFirstWordsOpenTheRoutesCircuit() {
        Script cut = Script.stream().events(WireStreams.openAiStart("gpt-4o", "Hello", " wor")).cut();
        provider.on(OPENAI_CHAT, cut, cut, cut);
        provider.on(COMPATIBLE_CHAT, Script.stream().events(WireStreams.openAi("llama-3.1-8b", "Hi")).end());

        for (int i = 0; i < 3; i++) {
            // The ad-hoc compatible route may not continue a stream, so each break reaches the caller.
            StreamedReply broken = StreamedReply.post(streamed("gpt-4o", "openai-compatible/llama-3.1-8b"));
            assertThat(broken.error()).isPresent();
        }

        assertThat(gpt4o().circuit()).isEqualTo(CircuitState.OPEN);
        assertThat(gpt4o().lastFailure()).get().extracting(f -> f.kind()).isEqualTo(FailureKind.CONNECTION_FAILED);
        StreamedReply next = StreamedReply.post(streamed("gpt-4o", "openai-compatible/llama-3.1-8b"));
        assertThat(next.content()).isEqualTo("Hi");
        assertThat(provider.received(OPENAI_CHAT)).hasSize(3);
    }
}
