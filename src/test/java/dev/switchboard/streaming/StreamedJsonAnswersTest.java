package dev.switchboard.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.switchboard.support.stream.Script;
import dev.switchboard.support.stream.StreamedReply;
import dev.switchboard.support.stream.StreamingProfile;
import dev.switchboard.support.stream.StreamingTestBase;
import dev.switchboard.support.stream.WireStreams;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * A streamed answer to a request for JSON can only be judged once it is whole, after it went out: one
 * that is not the JSON asked for ends with the in-band error instead of a finish, so it is never
 * presented as complete (nor remembered for degraded mode).
 */
@QuarkusTest
@TestProfile(StreamingProfile.class)
class StreamedJsonAnswersTest extends StreamingTestBase {

    private static String asking(String format) {
        return streamed("gpt-4o").replace(",\"fallbacks\"", ",\"response_format\":" + format + ",\"fallbacks\"");
    }

    @Test
    void aStreamedAnswerThatIsNotJsonEndsWithAnInBandError() {
        provider.on(OPENAI_CHAT, Script.stream().events(WireStreams.openAi("gpt-4o", "Sure, ", "here it is")).end());

        StreamedReply reply = StreamedReply.post(asking("{\"type\":\"json_object\"}"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.content()).isEqualTo("Sure, here it is");
        assertThat(reply.finishReasons()).isEmpty();
        assertThat(reply.endsWithDone()).isFalse();
        assertThat(reply.error()).hasValueSatisfying(error ->
                assertThat(error.path("message").asText()).contains("not the JSON the request asked for"));
    }

    @Test
    void aStreamedJsonAnswerFinishesNormally() {
        provider.on(OPENAI_CHAT, Script.stream().events(WireStreams.openAi("gpt-4o", "{\"name\":", "\"Lisbon\"}")).end());

        StreamedReply reply = StreamedReply.post(asking("{\"type\":\"json_object\"}"));

        assertThat(reply.content()).isEqualTo("{\"name\":\"Lisbon\"}");
        assertThat(reply.finishReasons()).containsExactly("stop");
        assertThat(reply.endsWithDone()).isTrue();
    }
}
