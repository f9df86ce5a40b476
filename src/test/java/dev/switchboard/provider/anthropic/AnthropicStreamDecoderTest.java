package dev.switchboard.provider.anthropic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.switchboard.chat.FinishReason;
import dev.switchboard.chat.StreamEvent;
import dev.switchboard.chat.ThinkingBlock;
import dev.switchboard.chat.StreamEvent.Done;
import dev.switchboard.chat.StreamEvent.Finished;
import dev.switchboard.chat.StreamEvent.Started;
import dev.switchboard.chat.StreamEvent.Text;
import dev.switchboard.chat.StreamEvent.UsageReported;
import dev.switchboard.chat.Usage;
import dev.switchboard.provider.ProviderFailure;
import dev.switchboard.provider.ProviderId;
import dev.switchboard.support.Fixtures;

class AnthropicStreamDecoderTest {

    private static final String MODEL = "claude-sonnet-4-5-20250929";
    private static final String MESSAGE_START = "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_01\","
            + "\"type\":\"message\",\"role\":\"assistant\",\"content\":[],\"model\":\"" + MODEL + "\","
            + "\"stop_reason\":null,\"stop_sequence\":null,\"usage\":{\"input_tokens\":10,\"output_tokens\":1}}}";

    private final AnthropicStreamDecoder decoder = new AnthropicStreamDecoder(ProviderId.ANTHROPIC);

    // --- whole documented streams ------------------------------------------------------------

    @Test
    void decodesAPlainTextStream() {
        assertThat(Fixtures.decoded(decoder, "anthropic/stream-basic.sse")).containsExactly(
                new Started("msg_01Hq7XbV2nKc9RtLw3Pz5sYd", MODEL),
                new UsageReported(new Usage(21, 1)),
                new Text("Hi"),
                new Text(" there!"),
                new Finished(FinishReason.STOP),
                new UsageReported(new Usage(21, 12)),
                new Done());
    }

    @Test
    void decodesTheTextAndTheToolCallOfAToolUseStream() {
        assertThat(Fixtures.decoded(decoder, "anthropic/stream-tool-use.sse")).containsExactly(
                new Started("msg_01Tn4GkW8vRy2QxJm6Hc3LpE", MODEL),
                new UsageReported(new Usage(468, 2)),
                new Text("Let me"),
                new Text(" look up"),
                new Text(" the weather"),
                new Text(" in Lisbon"),
                new Text("."),
                new StreamEvent.ToolCallStarted(0, "toolu_01Fz8QwN3kVb6YtRm2Xc9JsD", "get_weather"),
                new StreamEvent.ToolCallArguments(0, "{\"city\":"),
                new StreamEvent.ToolCallArguments(0, " \"Lis"),
                new StreamEvent.ToolCallArguments(0, "bon\", "),
                new StreamEvent.ToolCallArguments(0, "\"unit\": \"cel"),
                new StreamEvent.ToolCallArguments(0, "sius\"}"),
                new Finished(FinishReason.TOOL_CALLS),
                new UsageReported(new Usage(468, 74)),
                new Done());
    }

    @Test
    void passesOnThinkingAsReasoningAndTheWholeSignedBlockAtItsEnd() {
        String thought = "Work it out in parts:\n\n1. 34 * 212\n2. 34 * 200 = 6,800\n3. 34 * 12 = 408\n4. 6,800 + 408 = 7,208";
        assertThat(Fixtures.decoded(decoder, "anthropic/stream-extended-thinking.sse")).containsExactly(
                new Started("msg_01Kd3VsP9wLc7HnQx2Rb5TgM", MODEL),
                new StreamEvent.Thinking("Work it out in parts:\n\n1. 34 * 212"),
                new StreamEvent.Thinking("\n2. 34 * 200 = 6,800"),
                new StreamEvent.Thinking("\n3. 34 * 12 = 408"),
                new StreamEvent.Thinking("\n4. 6,800 + 408 = 7,208"),
                new StreamEvent.ThinkingDone(new ThinkingBlock(thought, "EqQBCgIYAhIMx3Rk9bLw2PvQ8nZsGgyT5mJc0Hq4WdA1...", null)),
                new Text("34 * 212 = 7,208"),
                new Finished(FinishReason.STOP),
                new Done());
    }

    @Test
    void takesTheCumulativeUsageOfMessageDeltaOverMessageStarts() {
        // A server tool adds input as it runs: message_start said 2541, message_delta says 9876.
        List<StreamEvent> events = Fixtures.decoded(decoder, "anthropic/stream-web-search.sse");
        assertThat(events).filteredOn(UsageReported.class::isInstance)
                .containsExactly(new UsageReported(new Usage(2541, 3)), new UsageReported(new Usage(9876, 402)));
        assertThat(events).filteredOn(Text.class::isInstance).extracting(event -> ((Text) event).text())
                .containsExactly("I'll search", " for today's weather in Oslo", ".", "Oslo today:",
                        " 4°C and light rain.");
    }

    @Test
    void countsCacheWritesAndReadsAsPromptTokensAndReadsAsTheCachedPartAsAWholeMessageDoes() {
        decoder.decode("message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_01\","
                + "\"model\":\"" + MODEL + "\",\"content\":[],\"usage\":{\"input_tokens\":5,"
                + "\"cache_creation_input_tokens\":20,\"cache_read_input_tokens\":100,\"output_tokens\":1}}}");
        assertThat(decoder.decode("message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":"
                + "\"end_turn\"},\"usage\":{\"output_tokens\":30}}"))
                .containsExactly(new Finished(FinishReason.STOP), new UsageReported(new Usage(125, 30, 100, 20, 0)));
    }

    // --- single events -----------------------------------------------------------------------

    @Test
    void ignoresPings() {
        assertThat(decoder.decode("ping", "{\"type\": \"ping\"}")).isEmpty();
        decoder.decode("message_start", MESSAGE_START);
        assertThat(decoder.decode("ping", "{\"type\": \"ping\"}")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "{\"type\":\"content_block_annotation\",\"index\":0,\"annotation\":{\"kind\":\"new\"}}",
            "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"citations_delta\","
                    + "\"citation\":{\"type\":\"char_location\",\"cited_text\":\"x\"}}}" })
    void ignoresEventAndDeltaTypesAddedLater(String data) {
        decoder.decode("message_start", MESSAGE_START);
        assertThat(decoder.decode(null, data)).isEmpty();
    }

    @Test
    void passesOnTextThatATextBlockStartsWith() {
        decoder.decode("message_start", MESSAGE_START);
        assertThat(decoder.decode("content_block_start",
                "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"Hi\"}}"))
                .containsExactly(new Text("Hi"));
    }

    @Test
    void readsTheTypeFromTheEventNameWhenTheDataHasNone() {
        decoder.decode("message_start", MESSAGE_START);
        assertThat(decoder.decode("content_block_delta",
                "{\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Hi\"}}")).containsExactly(new Text("Hi"));
        assertThat(decoder.decode("message_stop", "{}")).containsExactly(new Done());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "end_turn, STOP",
            "stop_sequence, STOP",
            "max_tokens, LENGTH",
            "model_context_window_exceeded, LENGTH",
            "tool_use, TOOL_CALLS",
            "refusal, CONTENT_FILTER",
            "a_reason_added_later, STOP" })
    void mapsStopReasonsAsAWholeMessageDoes(String stopReason, FinishReason expected) {
        decoder.decode("message_start", MESSAGE_START);
        assertThat(decoder.decode("message_delta",
                "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"" + stopReason + "\",\"stop_sequence\":null}}"))
                .containsExactly(new Finished(expected));
    }

    // --- failures ----------------------------------------------------------------------------

    @Test
    void throwsTheOverloadedErrorThatBreaksOffAStream() {
        List<Fixtures.Sse> stream = Fixtures.sse("anthropic/stream-overloaded.sse");
        List<StreamEvent> before = stream.subList(0, stream.size() - 1).stream()
                .flatMap(event -> decoder.decode(event.name(), event.data()).stream()).toList();
        // The input reported by message_start comes at once, so a stream broken off is still billed for it.
        assertThat(before).containsExactly(new Started("msg_01Zc2NfR6tHw9QmXv4Kp8BjL", MODEL),
                new UsageReported(new Usage(14, 1)), new Text("Once upon"));

        Fixtures.Sse error = stream.get(stream.size() - 1);
        assertThatThrownBy(() -> decoder.decode(error.name(), error.data()))
                .isInstanceOfSatisfying(ProviderFailure.ServerError.class, failure -> {
                    assertThat(failure.status()).as("no HTTP status mid-stream").isZero();
                    assertThat(failure.provider()).isEqualTo(ProviderId.ANTHROPIC);
                    assertThat(failure.getMessage()).isEqualTo("error event in the stream: Overloaded");
                });
    }

    /** An error event has the body of an error response, so the documented error bodies serve as its data. */
    static Stream<Arguments> errorEvents() {
        return Stream.of(
                arguments("error-overloaded.json", ProviderFailure.ServerError.class),
                arguments("error-api.json", ProviderFailure.ServerError.class),
                arguments("error-rate-limit.json", ProviderFailure.RateLimited.class),
                arguments("error-billing.json", ProviderFailure.AuthRejected.class),
                arguments("error-authentication.json", ProviderFailure.AuthRejected.class),
                arguments("error-permission.json", ProviderFailure.AuthRejected.class),
                arguments("error-invalid-request-prompt-too-long.json", ProviderFailure.ContextTooLong.class),
                arguments("error-invalid-request-context-limit.json", ProviderFailure.ContextTooLong.class),
                arguments("error-invalid-request.json", ProviderFailure.RequestRejected.class),
                arguments("error-not-found.json", ProviderFailure.RequestRejected.class),
                arguments("error-request-too-large.json", ProviderFailure.RequestRejected.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errorEvents")
    void typesErrorEventsByTheirErrorType(String fixture, Class<? extends ProviderFailure> expected) {
        decoder.decode("message_start", MESSAGE_START);
        String data = Fixtures.text("anthropic/" + fixture);
        assertThatThrownBy(() -> decoder.decode("error", data))
                .isInstanceOf(expected)
                .hasMessage("error event in the stream: "
                        + Fixtures.json("anthropic/" + fixture).path("error").path("message").asText())
                .extracting(failure -> ((ProviderFailure) failure).status()).isEqualTo(0);
    }

    @Test
    void aRateLimitMidStreamHasNoRetryAfterToKeep() {
        assertThatThrownBy(() -> decoder.decode("error", Fixtures.text("anthropic/error-rate-limit.json")))
                .isInstanceOfSatisfying(ProviderFailure.RateLimited.class,
                        failure -> assertThat(failure.retryAfter()).isEmpty());
    }

    @Test
    void anErrorTypeAddedLaterIsAServerError() {
        assertThatThrownBy(() -> decoder.decode("error",
                "{\"type\":\"error\",\"error\":{\"type\":\"brand_new_error\",\"message\":\"Something new\"}}"))
                .isInstanceOf(ProviderFailure.ServerError.class)
                .hasMessage("error event in the stream: Something new");
    }

    @Test
    void anErrorEventNamedOnlyByTheSseFieldIsStillAnError() {
        assertThatThrownBy(() -> decoder.decode("error",
                "{\"error\":{\"type\":\"rate_limit_error\",\"message\":\"Slow down\"}}"))
                .isInstanceOf(ProviderFailure.RateLimited.class);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "<html><body>502 Bad Gateway</body></html>", "[1, 2]", "", "\"message_start\"" })
    void dataThatIsNotAJsonObjectIsMalformed(String data) {
        assertThatThrownBy(() -> decoder.decode("message_start", data))
                .isInstanceOf(ProviderFailure.MalformedResponse.class)
                .hasMessageStartingWith("a stream event is not");
    }

    static Stream<Arguments> offSchema() {
        return Stream.of(
                arguments("a message that is not an object", "message_start",
                        "{\"type\":\"message_start\",\"message\":\"msg_01\"}", "not the documented schema"),
                arguments("a message without a model", "message_start",
                        "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_01\",\"content\":[]}}",
                        "message_start names no model"),
                arguments("a block without a content_block", "content_block_start",
                        "{\"type\":\"content_block_start\",\"index\":0}", "content_block_start has no content_block"),
                arguments("a delta without a delta", "content_block_delta",
                        "{\"type\":\"content_block_delta\",\"index\":0}", "content_block_delta has no delta"),
                arguments("text that is not a string", "content_block_delta",
                        "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\","
                                + "\"text\":{\"a\":1}}}", "not the documented schema"),
                arguments("an event without a type", null, "{\"index\":0}", "a stream event has no type"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("offSchema")
    void dataOffTheSchemaIsMalformed(String why, String event, String data, String message) {
        if (!"message_start".equals(event)) {
            decoder.decode("message_start", MESSAGE_START);
        }
        assertThatThrownBy(() -> decoder.decode(event, data))
                .isInstanceOf(ProviderFailure.MalformedResponse.class)
                .hasMessageContaining(message);
    }

    @Test
    void textBeforeMessageStartIsMalformed() {
        assertThatThrownBy(() -> decoder.decode("content_block_delta",
                "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Hi\"}}"))
                .isInstanceOf(ProviderFailure.MalformedResponse.class)
                .hasMessage("content_block_delta before message_start");
    }
}
