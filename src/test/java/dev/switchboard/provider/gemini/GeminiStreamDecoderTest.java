package dev.switchboard.provider.gemini;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.switchboard.chat.FinishReason;
import dev.switchboard.chat.StreamEvent.Finished;
import dev.switchboard.chat.StreamEvent.Started;
import dev.switchboard.chat.StreamEvent.Text;
import dev.switchboard.chat.StreamEvent.UsageReported;
import dev.switchboard.chat.Usage;
import dev.switchboard.provider.ProviderFailure;
import dev.switchboard.provider.ProviderId;
import dev.switchboard.support.Fixtures;

class GeminiStreamDecoderTest {

    private static final String REQUESTED = "gemini-2.5-flash-requested";
    private static final String RESPONSE_ID = "kX9qaPbLCJ6nz7IPr8WQqAw";

    private final GeminiStreamDecoder decoder = new GeminiStreamDecoder(ProviderId.GEMINI, REQUESTED);

    private static String chunk(String parts, String finishReason) {
        return "{\"candidates\":[{\"content\":{\"parts\":" + parts + ",\"role\":\"model\"}"
                + (finishReason == null ? "" : ",\"finishReason\":\"" + finishReason + "\"") + ",\"index\":0}]}";
    }

    // --- whole streams -----------------------------------------------------------------------

    @Test
    void decodesAWholeStreamWithTheUsageOfEachChunk() {
        assertThat(Fixtures.decoded(decoder, "gemini/stream-generate-content.sse")).containsExactly(
                new Started(RESPONSE_ID, "gemini-2.5-flash"),
                new Text("Bread"),
                new UsageReported(new Usage(9, 0)),
                new Text(" in three languages:\n\nFrench: pain\nGerman: Br"),
                new UsageReported(new Usage(9, 0)),
                new Text("ot\nJapanese: パン (pan)\n"),
                new Finished(FinishReason.STOP),
                // Thinking tokens are billed as output, as in a whole response: 21 + 372.
                new UsageReported(new Usage(9, 393, 0, 0, 372)));
    }

    @Test
    void passesNothingOnForTheEmptyTextThatCarriesAThoughtSignature() {
        assertThat(Fixtures.decoded(decoder, "gemini/stream-generate-content-signature.sse")).containsExactly(
                new Started(RESPONSE_ID, "gemini-2.5-flash"),
                new Text("Hello!"),
                new UsageReported(new Usage(3, 0)),
                new Text(" How can I help?"),
                new UsageReported(new Usage(3, 0)),
                new Finished(FinishReason.STOP),
                new UsageReported(new Usage(3, 7)));
    }

    @Test
    void aSafetyStopAfterSomeTextFinishesTheAnswerAsAContentFilter() {
        assertThat(Fixtures.decoded(decoder, "gemini/stream-safety-after-text.sse")).containsExactly(
                new Started(RESPONSE_ID, "gemini-2.5-flash"),
                new Text("Here is how the reaction"),
                new UsageReported(new Usage(11, 0)),
                new Finished(FinishReason.CONTENT_FILTER),
                new UsageReported(new Usage(11, 5)));
    }

    @Test
    void aSafetyStopBeforeAnyTextIsAContentFilterFailure() {
        assertThatThrownBy(() -> Fixtures.decoded(decoder, "gemini/stream-safety-before-text.sse"))
                .isInstanceOf(ProviderFailure.ContentFiltered.class)
                .hasMessage("gemini stopped the answer: SAFETY");
    }

    @Test
    void aBlockedPromptIsAContentFilterFailure() {
        assertThatThrownBy(() -> decoder.decode(null, Fixtures.text("gemini/response-prompt-blocked.json")))
                .isInstanceOf(ProviderFailure.ContentFiltered.class)
                .hasMessage("gemini blocked the prompt: SAFETY");
    }

    // --- single chunks -----------------------------------------------------------------------

    @Test
    void namesTheRequestedModelWhenTheChunkNamesNone() {
        assertThat(decoder.decode(null, chunk("[{\"text\":\"Hi\"}]", null)))
                .containsExactly(new Started(null, REQUESTED), new Text("Hi"));
    }

    @Test
    void startsOnlyOnce() {
        decoder.decode(null, chunk("[{\"text\":\"Hi\"}]", null));
        assertThat(decoder.decode(null, chunk("[{\"text\":\" there\"},{\"text\":\"!\"}]", null)))
                .containsExactly(new Text(" there"), new Text("!"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "STOP, STOP",
            "MAX_TOKENS, LENGTH",
            "SAFETY, CONTENT_FILTER",
            "RECITATION, CONTENT_FILTER",
            "PROHIBITED_CONTENT, CONTENT_FILTER",
            "OTHER, STOP",
            "FINISH_REASON_UNSPECIFIED, STOP" })
    void mapsFinishReasonsAsAWholeResponseDoes(String finishReason, FinishReason expected) {
        decoder.decode(null, chunk("[{\"text\":\"Some text\"}]", null));
        assertThat(decoder.decode(null, chunk("[{\"text\":\".\"}]", finishReason)))
                .containsExactly(new Text("."), new Finished(expected));
    }

    @Test
    void runningOutOfTokensBeforeAnyTextIsAnEmptyAnswerNotAFailure() {
        // A thinking model can spend the whole output limit on thoughts.
        assertThat(decoder.decode(null, chunk("[]", "MAX_TOKENS")))
                .containsExactly(new Started(null, REQUESTED), new Finished(FinishReason.LENGTH));
    }

    // --- failures ----------------------------------------------------------------------------

    /** An error event is Google's error object, so the documented error bodies serve as its data. */
    static Stream<Arguments> errorEvents() {
        return Stream.of(
                arguments("error-unavailable.json", ProviderFailure.ServerError.class),
                arguments("error-internal.json", ProviderFailure.ServerError.class),
                arguments("error-resource-exhausted.json", ProviderFailure.RateLimited.class),
                arguments("error-invalid-argument.json", ProviderFailure.RequestRejected.class),
                arguments("error-token-limit.json", ProviderFailure.ContextTooLong.class),
                arguments("error-api-key-invalid.json", ProviderFailure.AuthRejected.class),
                arguments("error-permission-denied.json", ProviderFailure.AuthRejected.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errorEvents")
    void typesErrorEventsByTheCodeTheyCarry(String fixture, Class<? extends ProviderFailure> expected) {
        decoder.decode(null, chunk("[{\"text\":\"Some text\"}]", null));
        String data = Fixtures.text("gemini/" + fixture);
        assertThatThrownBy(() -> decoder.decode(null, data))
                .isInstanceOf(expected)
                .hasMessage("error event in the stream: "
                        + Fixtures.json("gemini/" + fixture).path("error").path("message").asText())
                .extracting(failure -> ((ProviderFailure) failure).status()).as("no HTTP status mid-stream")
                .isEqualTo(0);
    }

    @Test
    void aRateLimitMidStreamKeepsTheRetryDelayItCarries() {
        assertThatThrownBy(() -> decoder.decode(null, Fixtures.text("gemini/error-resource-exhausted.json")))
                .isInstanceOfSatisfying(ProviderFailure.RateLimited.class,
                        failure -> assertThat(failure.retryAfter()).contains(Duration.ofSeconds(37)));
    }

    @Test
    void anErrorWithoutACodeIsAServerError() {
        assertThatThrownBy(() -> decoder.decode(null, "{\"error\":{\"message\":\"Stream broke\"}}"))
                .isInstanceOf(ProviderFailure.ServerError.class)
                .hasMessage("error event in the stream: Stream broke");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "<html><body>502 Bad Gateway</body></html>", "[{\"candidates\":[]}]", "" })
    void dataThatIsNotAJsonObjectIsMalformed(String data) {
        assertThatThrownBy(() -> decoder.decode(null, data))
                .isInstanceOf(ProviderFailure.MalformedResponse.class)
                .hasMessageStartingWith("a stream event is not");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "{\"candidates\":\"none\"}", "{\"candidates\":[{\"content\":{\"parts\":{}}}]}",
            "{\"usageMetadata\":{\"promptTokenCount\":\"many\"}}" })
    void dataOffTheSchemaIsMalformed(String data) {
        assertThatThrownBy(() -> decoder.decode(null, data))
                .isInstanceOf(ProviderFailure.MalformedResponse.class)
                .hasMessageStartingWith("a stream event is not the documented schema");
    }
}
