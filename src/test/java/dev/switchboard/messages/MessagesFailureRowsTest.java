package dev.switchboard.messages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.switchboard.support.Fixtures;
import dev.switchboard.support.LogCapture;
import dev.switchboard.support.ProviderEmulator;
import dev.switchboard.support.stream.ApiReply;
import dev.switchboard.support.stream.FailureRowsProfile;
import dev.switchboard.support.stream.FailureRowsTestBase;
import dev.switchboard.support.stream.Script;
import dev.switchboard.support.stream.ScriptedProvider;
import dev.switchboard.support.stream.StreamingProfile;
import dev.switchboard.support.stream.WireStreams;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The failure table (failure-semantics.md) row by row through {@code POST /v1/messages}, whole and
 * streamed: what an Anthropic Messages client sees ({@code type: message}, {@code stop_reason}, content
 * blocks; {@code message_start} ... {@code message_stop}, or an in-band {@code event: error}; errors as
 * {@code {"type":"error","error":{"type","message"}}}) and what the emulated providers received. The
 * primary is the Anthropic route {@code claude-sonnet} unless a row needs another provider's error
 * (F13: a content-policy refusal is OpenAI's); the fallback is an OpenAI-compatible server.
 *
 * <p>Covered elsewhere for this API, not repeated here: F12 with no larger route, whole
 * ({@link MessagesFailuresTest}); the request deadline of F6 ({@link MessagesFailuresTest}); every
 * route rate limited, surfaced as a 429 with Retry-After ({@link MessagesFailuresTest}); F19's static
 * message, whole and streamed, and a remembered whole answer ({@code DegradedMessagesTest}). F14 and
 * F15 are about continuation and circuit timing, the same whichever API asked; their chat tests stand.
 */
@QuarkusTest
@TestProfile(FailureRowsProfile.class)
class MessagesFailureRowsTest extends FailureRowsTestBase {

    private static final String CLAUDE = "claude-sonnet";
    private static final String VLLM = StreamingProfile.VLLM;
    private static final String VLLM_MODEL = StreamingProfile.VLLM_MODEL;
    private static final String NO_DEGRADED = "x-switchboard-degraded";

    private final LogCapture logs = new LogCapture();

    @BeforeEach
    void captureLogs() {
        logs.start();
    }

    @AfterEach
    void stopCapturing() {
        logs.stop();
    }

    @Override
    protected void warmUpRequests() {
        provider.on(ANTHROPIC_MESSAGES, anthropicWhole(), anthropicStream(CLAUDE_MODEL, "Hi"));
        provider.on(COMPATIBLE_CHAT, openAiWhole(FALLBACK_MODEL), openAiStream("llama-3.1-8b", "Hi"));
        provider.on(OPENAI_CHAT, openAiWhole("gpt-4o-2024-08-06"), openAiStream("gpt-4o", "Hi"));
        post(ask(CLAUDE, false));
        post(ask(CLAUDE, true));
        post(ask(FALLBACK, false));
        post(ask(FALLBACK, true));
        post(ask("gpt-4o", false));
        post(ask("gpt-4o", true));
    }

    /** A Messages request for a model and its fallbacks (none: that route alone). */
    private static String ask(String model, boolean stream, String... fallbacks) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("model", model).put("max_tokens", 256)
                .put("stream", stream);
        body.putArray("messages").addObject().put("role", "user").put("content", "Say hello to the world");
        ArrayNode chain = body.putArray("fallbacks");
        for (String fallback : fallbacks) {
            chain.add(fallback);
        }
        return body.toString();
    }

    private static ApiReply post(String body, String... headers) {
        return ApiReply.post("/v1/messages", body, headers);
    }

    /** A whole Messages answer: one text block, ended by the model. */
    private static JsonNode assertMessage(ApiReply reply, String text) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.header("content-type")).startsWith("application/json");
        JsonNode message = reply.json();
        assertThat(message.path("type").asText()).isEqualTo("message");
        assertThat(message.path("role").asText()).isEqualTo("assistant");
        assertThat(message.path("id").asText()).startsWith("msg_");
        assertThat(message.path("content")).hasSize(1);
        assertThat(message.path("content").get(0).path("type").asText()).isEqualTo("text");
        assertThat(message.path("content").get(0).path("text").asText()).isEqualTo(text);
        assertThat(message.path("stop_reason").asText()).isEqualTo("end_turn");
        return message;
    }

    /** The text the caller's SDK would assemble from the stream's text deltas. */
    private static String streamedText(ApiReply reply) {
        return reply.events("content_block_delta").stream().map(event -> event.path("delta"))
                .filter(delta -> delta.path("type").asText().equals("text_delta"))
                .map(delta -> delta.path("text").asText()).collect(Collectors.joining());
    }

    /** A whole Messages event stream: message_start first, message_stop last, the stop reason, no error. */
    private static void assertCompleteStream(ApiReply reply, String text) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.isEventStream()).as(reply.body()).isTrue();
        List<String> names = reply.eventNames();
        assertThat(names.get(0)).isEqualTo("message_start");
        assertThat(names.get(names.size() - 1)).isEqualTo("message_stop");
        assertThat(names).doesNotContain("error");
        assertThat(reply.events("message_delta")).hasSize(1);
        assertThat(reply.events("message_delta").get(0).path("delta").path("stop_reason").asText()).isEqualTo("end_turn");
        assertThat(reply.events("content_block_start")).hasSameSizeAs(reply.events("content_block_stop"));
        assertThat(streamedText(reply)).isEqualTo(text);
    }

    /** An error in Anthropic's format, as an ordinary JSON response (never an event stream). */
    private static JsonNode assertError(ApiReply reply, int status, String type, String code) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.header("content-type")).startsWith("application/json");
        JsonNode body = reply.json();
        assertThat(body.path("type").asText()).isEqualTo("error");
        assertThat(body.path("error").path("type").asText()).isEqualTo(type);
        assertThat(body.path("error").path("code").asText()).isEqualTo(code);
        return body.path("error");
    }

    private static long gapMs(List<ScriptedProvider.Received> received) {
        assertThat(received).hasSize(2);
        return received.get(1).atMillis() - received.get(0).atMillis();
    }

    private static Script compatibleAnswer() {
        return openAiWhole(FALLBACK_MODEL);
    }

    private static Script compatibleStream() {
        return openAiStream("llama-3.1-8b", "Hello", " from", " llama");
    }

    /** The prefill a continuation request carried: the conversation's last message, and the flags vLLM reads. */
    private static void assertContinuedFrom(ScriptedProvider.Received continuation, String prefill) {
        JsonNode asked = continuation.json();
        JsonNode last = asked.path("messages").get(asked.path("messages").size() - 1);
        assertThat(last.path("role").asText()).isEqualTo("assistant");
        assertThat(last.path("content").asText()).isEqualTo(prefill);
        assertThat(asked.path("continue_final_message").asBoolean()).isTrue();
        assertThat(asked.path("model").asText()).isEqualTo(VLLM_MODEL);
    }

    // --- F1: 429 with Retry-After --------------------------------------------------------------

    @Test
    void f1_aRateLimitWithRetryAfterFailsOverAtOnceAndTheRouteCoolsDown() {
        provider.on(ANTHROPIC_MESSAGES, anthropicError(429, "error-rate-limit.json", "retry-after: 30"));
        provider.on(COMPATIBLE_CHAT, compatibleAnswer(), compatibleAnswer());

        ApiReply first = post(ask(CLAUDE, false, FALLBACK));
        ApiReply second = post(ask(CLAUDE, false, FALLBACK));

        assertMessage(first, OPENAI_FIXTURE_TEXT);
        assertThat(first.header("x-switchboard-route")).isEqualTo(FALLBACK);
        assertThat(first.header("x-switchboard-attempts")).isEqualTo("2");
        assertMessage(second, OPENAI_FIXTURE_TEXT);
        assertThat(second.header("x-switchboard-attempts")).as("the cooling route is skipped").isEqualTo("1");
        assertThat(provider.received(ANTHROPIC_MESSAGES)).hasSize(1);
        assertThat(provider.received(COMPATIBLE_CHAT)).hasSize(2);
    }

    @Test
    void f1_aShortRetryAfterOnTheLastRouteIsWaitedOutNeverSooner() {
        provider.on(ANTHROPIC_MESSAGES, anthropicError(429, "error-rate-limit.json", "retry-after: 1"), anthropicWhole());

        ApiReply reply = post(ask(CLAUDE, false));

        JsonNode message = assertMessage(reply, ANTHROPIC_FIXTURE_TEXT);
        assertThat(message.path("model").asText()).isEqualTo(CLAUDE_MODEL);
        assertThat(reply.header("x-switchboard-route")).isEqualTo(CLAUDE);
        assertThat(reply.header("x-switchboard-attempts")).isEqualTo("2");
        assertThat(gapMs(provider.received(ANTHROPIC_MESSAGES))).as("never sooner than Retry-After").isGreaterThanOrEqualTo(1000);
    }

    @Test
    void f1_streamed_aRateLimitWithRetryAfterFailsOverAndTheRouteCoolsDown() {
        provider.on(ANTHROPIC_MESSAGES, anthropicError(429, "error-rate-limit.json", "retry-after: 20"));
        provider.on(COMPATIBLE_CHAT, compatibleStream(), compatibleStream());

        ApiReply first = post(ask(CLAUDE, true, FALLBACK));
        ApiReply second = post(ask(CLAUDE, true, FALLBACK));

        assertCompleteStream(first, "Hello from llama");
        assertCompleteStream(second, "Hello from llama");
        assertThat(second.header("x-switchboard-attempts")).isEqualTo("1");
        assertThat(provider.received(ANTHROPIC_MESSAGES)).hasSize(1);
    }

    // --- F2: 429 without Retry-After, every time ----------------------------------------------

    @Test
    void f2_aRateLimitWithoutRetryAfterIsTriedTwiceWithBackoffThenFailsOver() {
        provider.on(ANTHROPIC_MESSAGES, anthropicError(429, "error-rate-limit.json"),
                anthropicError(429, "error-rate-limit.json"), anthropicWhole());
        provider.on(COMPATIBLE_CHAT, compatibleAnswer());

        ApiReply reply = post(ask(CLAUDE, false, FALLBACK));

        assertMessage(reply, OPENAI_FIXTURE_TEXT);
        assertThat(reply.header("x-switchboard-route")).isEqualTo(FALLBACK);
        assertThat(reply.header("x-switchboard-attempts")).isEqualTo("3");
        assertThat(gapMs(provider.received(ANTHROPIC_MESSAGES))).as("jittered backoff of 50-100% of 1 s")
                .isGreaterThanOrEqualTo(500);
    }

    @Test
    void f2_streamed_aRateLimitWithoutRetryAfterIsTriedTwiceThenFailsOver() {
        provider.on(ANTHROPIC_MESSAGES, anthropicError(429, "error-rate-limit.json"),
                anthropicError(429, "error-rate-limit.json"), anthropicStream(CLAUDE_MODEL, "never"));
        provider.on(COMPATIBLE_CHAT, compatibleStream());

        ApiReply reply = post(ask(CLAUDE, true, FALLBACK));

        assertCompleteStream(reply, "Hello from llama");
        assertThat(provider.received(ANTHROPIC_MESSAGES)).hasSize(2);
        assertThat(gapMs(provider.received(ANTHROPIC_MESSAGES))).isGreaterThanOrEqualTo(500);
    }

    // --- F3: a 5xx or Anthropic's 529 once -------------------------------------------------------

    @ParameterizedTest
    @ValueSource(ints = { 500, 502, 503, 504, 529 })
    void f3_aServerErrorOnceIsRetriedOnTheSameRoute(int status) {
        provider.on(ANTHROPIC_MESSAGES, anthropicError(status, status == 529 ? "error-overloaded.json" : "error-api.json"),
                anthropicWhole());
        provider.on(COMPATIBLE_CHAT, compatibleAnswer());

        ApiReply reply = post(ask(CLAUDE, false, FALLBACK));

        JsonNode message = assertMessage(reply, ANTHROPIC_FIXTURE_TEXT);
        assertThat(message.path("model").asText()).isEqualTo(CLAUDE_MODEL);
        assertThat(reply.header("x-switchboard-route")).isEqualTo(CLAUDE);
        assertThat(reply.header("x-switchboard-attempts")).isEqualTo("2");
        assertThat(gapMs(provider.received(ANTHROPIC_MESSAGES))).as("jittered 50-100% of 250 ms").isGreaterThanOrEqualTo(125);
        assertThat(provider.received(COMPATIBLE_CHAT)).isEmpty();
    }

    @Test
    void f3_streamed_anOverloadedErrorOnceIsRetriedOnTheSameRoute() {
        provider.on(ANTHROPIC_MESSAGES, anthropicError(529, "error-overloaded.json"),
                anthropicStream(CLAUDE_MODEL, "Hello", " world"));
        provider.on(COMPATIBLE_CHAT, compatibleStream());

        ApiReply reply = post(ask(CLAUDE, true, FALLBACK));

        assertCompleteStream(reply, "Hello world");
        assertThat(reply.header("x-switchboard-route")).isEqualTo(CLAUDE);
        assertThat(reply.header("x-switchboard-attempts")).isEqualTo("2");
        assertThat(reply.events("message_start").get(0).path("message").path("model").asText()).isEqualTo(CLAUDE_MODEL);
        assertThat(provider.received(COMPATIBLE_CHAT)).isEmpty();
    }

    @Test
    void f3_streamed_anOverloadedErrorEventBeforeTheFirstWordIsRetriedOnTheSameRoute() {
        // Anthropic may accept a stream and then report overload in-band, before any text.
        List<String> overloaded = WireStreams.anthropicStart(CLAUDE_MODEL);
        overloaded.add(WireStreams.anthropicError("overloaded_error", "Overloaded"));
        provider.on(ANTHROPIC_MESSAGES, Script.stream().events(overloaded).end(),
                anthropicStream(CLAUDE_MODEL, "Hello", " world"));
        provider.on(COMPATIBLE_CHAT, compatibleStream());

        ApiReply reply = post(ask(CLAUDE, true, FALLBACK));

        assertCompleteStream(reply, "Hello world");
        assertThat(reply.events("message_start")).hasSize(1);
        assertThat(reply.header("x-switchboard-route")).isEqualTo(CLAUDE);
        assertThat(reply.header("x-switchboard-attempts")).isEqualTo("2");
        assertThat(reply.body()).doesNotContain("Overloaded");
        assertThat(provider.received(COMPATIBLE_CHAT)).isEmpty();
    }

    // --- F4: 5xx every time ----------------------------------------------------------------------

    @Test
    void f4_serverErrorsEveryTimeFailOverWithinTheRetryBudget() {
        provider.on(ANTHROPIC_MESSAGES, anthropicError(500, "error-api.json"), anthropicError(500, "error-api.json"),
                anthropicError(500, "error-api.json"));
        provider.on(COMPATIBLE_CHAT, compatibleAnswer());

        ApiReply reply = post(ask(CLAUDE, false, FALLBACK));

        assertMessage(reply, OPENAI_FIXTURE_TEXT);
        assertThat(reply.header("x-switchboard-route")).isEqualTo(FALLBACK);
        assertThat(reply.header("x-switchboard-attempts")).isEqualTo("3");
        assertThat(provider.received(ANTHROPIC_MESSAGES)).hasSize(2);
    }

    @Test
    void f4_withNowhereLeftTheRealUpstreamErrorsAreSurfacedInAnthropicsFormat() {
        provider.on(ANTHROPIC_MESSAGES, anthropicError(529, "error-overloaded.json"), anthropicError(529, "error-overloaded.json"));
        provider.on(COMPATIBLE_CHAT, openAiError(500, "error-server.json"), openAiError(500, "error-server.json"));

        ApiReply reply = post(ask(CLAUDE, false, FALLBACK), NO_DEGRADED, "off");

        JsonNode error = assertError(reply, 502, "api_error", "all_routes_failed");
        assertThat(error.path("message").asText()).contains("Overloaded")
                .contains("The server had an error while processing your request");
        assertThat(error.path("attempts")).hasSize(4);
        assertThat(error.path("attempts").get(0).path("route").asText()).isEqualTo(CLAUDE);
        assertThat(error.path("attempts").get(0).path("status").asInt()).isEqualTo(529);
        assertThat(error.path("attempts").get(3).path("route").asText()).isEqualTo(FALLBACK);
        assertThat(reply.header("x-switchboard-attempts")).isEqualTo("4");
        assertThat(reply.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void f4_streamed_withNowhereLeftTheCallerGetsAnOrdinaryErrorNotABrokenStream() {
        provider.on(ANTHROPIC_MESSAGES, anthropicError(529, "error-overloaded.json"), anthropicError(529, "error-overloaded.json"));
        provider.on(COMPATIBLE_CHAT, openAiError(500, "error-server.json"), openAiError(500, "error-server.json"));

        ApiReply reply = post(ask(CLAUDE, true, FALLBACK), NO_DEGRADED, "off");

        JsonNode error = assertError(reply, 502, "api_error", "all_routes_failed");
        assertThat(error.path("message").asText()).contains("Overloaded").contains("The server had an error");
        assertThat(error.path("attempts")).hasSize(4);
    }

    // --- F5: the connection dies before any response byte -------------------------------------------

    @Test
    void f5_aConnectionDroppedOnceIsRetriedOnTheSameRoute() {
        provider.on(ANTHROPIC_MESSAGES, Script.refuse(), anthropicWhole());
        provider.on(COMPATIBLE_CHAT, compatibleAnswer());

        ApiReply reply = post(ask(CLAUDE, false, FALLBACK));

        assertMessage(reply, ANTHROPIC_FIXTURE_TEXT);
        assertThat(reply.header("x-switchboard-route")).isEqualTo(CLAUDE);
        assertThat(reply.header("x-switchboard-attempts")).isEqualTo("2");
        assertThat(provider.received(COMPATIBLE_CHAT)).isEmpty();
    }

    @Test
    void f5_streamed_aConnectionDroppedTwiceIsRetriedThenFailedOver() {
        provider.on(ANTHROPIC_MESSAGES, Script.refuse(), Script.refuse());
        provider.on(COMPATIBLE_CHAT, compatibleStream());

        ApiReply reply = post(ask(CLAUDE, true, FALLBACK));

        assertCompleteStream(reply, "Hello from llama");
        assertThat(reply.header("x-switchboard-route")).isEqualTo(FALLBACK);
        assertThat(provider.received(ANTHROPIC_MESSAGES)).hasSize(2);
    }

    // --- F6: accepts the request and never answers ------------------------------------------------

    @Test
    void f6_aSilentProviderIsAbandonedAtItsTimeoutNotRetriedAndFailedOver() {
        provider.on(ANTHROPIC_MESSAGES, Script.silence(), anthropicWhole());
        provider.on(COMPATIBLE_CHAT, compatibleAnswer());

        ApiReply reply = post(ask(CLAUDE, false, FALLBACK));

        assertMessage(reply, OPENAI_FIXTURE_TEXT);
        assertThat(reply.header("x-switchboard-route")).isEqualTo(FALLBACK);
        assertThat(reply.header("x-switchboard-attempts")).isEqualTo("2");
        assertThat(provider.received(ANTHROPIC_MESSAGES)).as("the silent route is not asked again").hasSize(1);
    }

    @Test
    void f6_streamed_aProviderThatNeverSendsAnEventIsAbandonedAndFailedOver() {
        provider.on(ANTHROPIC_MESSAGES, Script.stream().stall(), anthropicStream(CLAUDE_MODEL, "never"));
        provider.on(COMPATIBLE_CHAT, compatibleStream());

        ApiReply reply = post(ask(CLAUDE, true, FALLBACK));

        assertCompleteStream(reply, "Hello from llama");
        assertThat(provider.received(ANTHROPIC_MESSAGES)).hasSize(1);
        await().atMost(Duration.ofSeconds(3)).untilAsserted(() -> assertThat(provider.hungUp()).contains(ANTHROPIC_MESSAGES));
    }

    // --- F7: headers at once, first token very late ------------------------------------------------------

    @Test
    void f7_streamed_aLateFirstTokenFailsOverBeforeAnyByteReachedTheCaller() {
        provider.on(ANTHROPIC_MESSAGES, Script.stream().events(WireStreams.anthropicStart(CLAUDE_MODEL)).pause(4000)
                .events(WireStreams.anthropic(CLAUDE_MODEL, "too late")).end());
        provider.on(COMPATIBLE_CHAT, compatibleStream());

        ApiReply reply = post(ask(CLAUDE, true, FALLBACK));

        assertCompleteStream(reply, "Hello from llama");
        assertThat(reply.header("x-switchboard-route")).isEqualTo(FALLBACK);
        assertThat(reply.header("x-switchboard-attempts")).isEqualTo("2");
        assertThat(reply.events("message_start")).hasSize(1);
        assertThat(reply.events("message_start").get(0).path("message").path("model").asText()).isEqualTo("llama-3.1-8b");
        assertThat(reply.body()).doesNotContain(CLAUDE_MODEL).doesNotContain("msg_upstream123");
        assertThat(provider.received(ANTHROPIC_MESSAGES)).hasSize(1);
        await().atMost(Duration.ofSeconds(3)).untilAsserted(() -> assertThat(provider.hungUp()).contains(ANTHROPIC_MESSAGES));
    }

    // --- F8: stream cut mid-answer -------------------------------------------------------------------------

    @Test
    void f8_streamed_aCutStreamIsContinuedOnARouteThatCanAndTheCallerGetsTheWholeAnswer() {
        provider.on(ANTHROPIC_MESSAGES, Script.stream().events(WireStreams.anthropicStart(CLAUDE_MODEL, "Hello", " wor")).cut());
        provider.on(COMPATIBLE_CHAT, Script.stream().events(WireStreams.openAi(VLLM_MODEL, "ld", "!")).end());

        ApiReply reply = post(ask(CLAUDE, true, VLLM));

        assertCompleteStream(reply, "Hello world!");
        assertThat(reply.events("message_start")).as("one message, continued").hasSize(1);
        assertThat(provider.received(ANTHROPIC_MESSAGES)).hasSize(1);
        assertThat(provider.received(COMPATIBLE_CHAT)).hasSize(1);
        assertContinuedFrom(provider.received(COMPATIBLE_CHAT).get(0), "Hello wor");
    }

    @Test
    void f8_streamed_aCutStreamWithNowhereToContinueEndsWithAnInBandErrorAndNoStopReason() {
        provider.on(ANTHROPIC_MESSAGES, Script.stream().events(WireStreams.anthropicStart(CLAUDE_MODEL, "Hello", " wor")).cut());
        provider.on(COMPATIBLE_CHAT, compatibleStream());

        ApiReply reply = post(ask(CLAUDE, true, FALLBACK));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(streamedText(reply)).isEqualTo("Hello wor");
        List<String> names = reply.eventNames();
        assertThat(names.get(0)).isEqualTo("message_start");
        assertThat(names.get(names.size() - 1)).isEqualTo("error");
        assertThat(names).doesNotContain("message_delta", "message_stop");
        JsonNode error = reply.events("error").get(0);
        assertThat(error.path("type").asText()).isEqualTo("error");
        assertThat(error.path("error").path("type").asText()).isEqualTo("api_error");
        assertThat(error.path("error").path("message").asText()).contains("interrupted").contains(CLAUDE);
        assertThat(reply.body()).doesNotContain("end_turn");
        assertThat(provider.received(COMPATIBLE_CHAT)).as("the ad-hoc route cannot continue").isEmpty();
    }

    @Test
    void f8_streamed_anOverloadedErrorEventMidAnswerIsContinuedAndNeverShown() {
        List<String> broken = Fixtures.sse("anthropic/stream-overloaded.sse").stream()
                .map(event -> "event: " + event.name() + "\ndata: " + event.data() + "\n\n").toList();
        provider.on(ANTHROPIC_MESSAGES, Script.stream().events(broken).end());
        provider.on(COMPATIBLE_CHAT, Script.stream().events(WireStreams.openAi(VLLM_MODEL, " a", " time")).end());

        ApiReply reply = post(ask(CLAUDE, true, VLLM));

        assertCompleteStream(reply, "Once upon a time");
        assertThat(reply.body()).doesNotContain("overloaded_error");
        assertContinuedFrom(provider.received(COMPATIBLE_CHAT).get(0), "Once upon");
    }

    // --- F9: stream stalls -------------------------------------------------------------------------------

    @Test
    void f9_streamed_aStalledStreamIsCaughtByTheIdleLimitAndContinued() {
        provider.on(ANTHROPIC_MESSAGES, Script.stream().events(WireStreams.anthropicStart(CLAUDE_MODEL, "Hello")).stall());
        provider.on(COMPATIBLE_CHAT, Script.stream().events(WireStreams.openAi(VLLM_MODEL, " world")).end());

        ApiReply reply = post(ask(CLAUDE, true, VLLM));

        assertCompleteStream(reply, "Hello world");
        assertContinuedFrom(provider.received(COMPATIBLE_CHAT).get(0), "Hello");
        await().atMost(Duration.ofSeconds(3)).untilAsserted(() -> assertThat(provider.hungUp()).contains(ANTHROPIC_MESSAGES));
    }

    // --- F10: a malformed event mid-stream ----------------------------------------------------------------

    @Test
    void f10_streamed_aMalformedEventIsNeverForwardedAndTheAnswerIsContinued() {
        List<String> events = WireStreams.anthropicStart(CLAUDE_MODEL, "Hello");
        events.add("event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,<garbage>\n\n");
        events.add(WireStreams.anthropic(CLAUDE_MODEL, " never").get(3));
        provider.on(ANTHROPIC_MESSAGES, Script.stream().events(events).end());
        provider.on(COMPATIBLE_CHAT, Script.stream().events(WireStreams.openAi(VLLM_MODEL, " world")).end());

        ApiReply reply = post(ask(CLAUDE, true, VLLM));

        assertThat(reply.body()).doesNotContain("garbage").doesNotContain("never");
        assertCompleteStream(reply, "Hello world");
        assertContinuedFrom(provider.received(COMPATIBLE_CHAT).get(0), "Hello");
    }

    // --- F11: the stream ends cleanly without its sentinel --------------------------------------------------

    @Test
    void f11_streamed_aStreamEndingWithoutMessageStopIsFinalisedWithItsUsage() {
        List<String> events = WireStreams.anthropic(CLAUDE_MODEL, "All", " done");
        events.remove(events.size() - 1); // message_stop
        provider.on(ANTHROPIC_MESSAGES, Script.stream().events(events).end());
        provider.on(COMPATIBLE_CHAT, Script.stream().events(WireStreams.openAi(VLLM_MODEL, "never")).end());

        ApiReply reply = post(ask(CLAUDE, true, VLLM));

        assertCompleteStream(reply, "All done");
        JsonNode usage = reply.events("message_delta").get(0).path("usage");
        assertThat(usage.path("input_tokens").asInt()).isEqualTo(12);
        assertThat(usage.path("output_tokens").asInt()).isEqualTo(2);
        assertThat(provider.received(COMPATIBLE_CHAT)).isEmpty();
    }

    // --- F12: context length exceeded -----------------------------------------------------------------------

    @Test
    void f12_aContextOverflowIsNotRetriedAndMovesOnlyToALargerRoute() {
        provider.on(ANTHROPIC_MESSAGES, anthropicError(400, "error-invalid-request-prompt-too-long.json"));
        provider.on(OPENAI_CHAT, openAiWhole("gpt-4o-2024-08-06"));
        provider.on(COMPATIBLE_CHAT, openAiWhole("long-context-model"));

        // gpt-4o's 128k window is smaller than claude-sonnet's 200k; the ad-hoc route's window is unknown.
        ApiReply reply = post(ask(CLAUDE, false, "gpt-4o", "openai-compatible/long-context-model"));

        JsonNode message = assertMessage(reply, OPENAI_FIXTURE_TEXT);
        assertThat(message.path("model").asText()).isEqualTo("long-context-model");
        assertThat(reply.header("x-switchboard-route")).isEqualTo("openai-compatible/long-context-model");
        assertThat(reply.header("x-switchboard-attempts")).isEqualTo("2");
        assertThat(provider.received(ANTHROPIC_MESSAGES)).as("never retried on the same model").hasSize(1);
        assertThat(provider.received(OPENAI_CHAT)).isEmpty();
    }

    @Test
    void f12_streamed_withNoLargerRouteTheOverflowIsAClean400WithTheProvidersMessage() {
        provider.on(ANTHROPIC_MESSAGES, anthropicError(400, "error-invalid-request-prompt-too-long.json"));
        provider.on(OPENAI_CHAT, openAiStream("gpt-4o", "never"));

        ApiReply reply = post(ask(CLAUDE, true, "gpt-4o"));

        JsonNode error = assertError(reply, 400, "invalid_request_error", "context_length_exceeded");
        assertThat(error.path("message").asText()).contains("prompt is too long: 208403 tokens > 200000 maximum");
        assertThat(provider.received(ANTHROPIC_MESSAGES)).hasSize(1);
        assertThat(provider.received(OPENAI_CHAT)).isEmpty();
    }

    // --- F13: content-policy rejection ------------------------------------------------------------------------

    @Test
    void f13_aContentPolicyRefusalIsNotRetriedNorRoutedAroundAndItsReasonIsReturned() {
        provider.on(OPENAI_CHAT, openAiError(400, "error-content-policy.json"), openAiWhole("gpt-4o-2024-08-06"));
        provider.on(COMPATIBLE_CHAT, compatibleAnswer());

        ApiReply reply = post(ask("gpt-4o", false, FALLBACK));

        JsonNode error = assertError(reply, 400, "invalid_request_error", "content_filter");
        assertThat(error.path("message").asText()).contains("rejected as a result of our safety system");
        assertThat(provider.received(OPENAI_CHAT)).hasSize(1);
        assertThat(provider.received(COMPATIBLE_CHAT)).isEmpty();
    }

    @Test
    void f13_streamed_aContentPolicyRefusalIsAnOrdinaryErrorAndNotRoutedAround() {
        provider.on(OPENAI_CHAT, openAiError(400, "error-content-policy.json"), openAiStream("gpt-4o", "never"));
        provider.on(COMPATIBLE_CHAT, compatibleStream());

        ApiReply reply = post(ask("gpt-4o", true, FALLBACK));

        JsonNode error = assertError(reply, 400, "invalid_request_error", "content_filter");
        assertThat(error.path("message").asText()).contains("safety system");
        assertThat(provider.received(OPENAI_CHAT)).hasSize(1);
        assertThat(provider.received(COMPATIBLE_CHAT)).isEmpty();
    }

    // --- F16: primary fails, fallback answers -------------------------------------------------------------

    @Test
    void f16_theAnswerNamesTheModelThatAnsweredAndCarriesOnlyItsUsage() {
        provider.on(ANTHROPIC_MESSAGES, anthropicError(529, "error-overloaded.json"), anthropicError(529, "error-overloaded.json"));
        provider.on(COMPATIBLE_CHAT, compatibleAnswer());

        ApiReply reply = post(ask(CLAUDE, false, FALLBACK));

        JsonNode message = assertMessage(reply, OPENAI_FIXTURE_TEXT);
        assertThat(message.path("model").asText()).isEqualTo(FALLBACK_MODEL);
        assertThat(message.path("usage").path("input_tokens").asInt()).isEqualTo(19);
        assertThat(message.path("usage").path("output_tokens").asInt()).isEqualTo(10);
        assertThat(reply.header("x-switchboard-route")).isEqualTo(FALLBACK);
        assertThat(reply.header("x-switchboard-attempts")).isEqualTo("3");
    }

    @Test
    void f16_streamed_theStreamNamesTheModelThatAnsweredAndCarriesOnlyItsUsage() {
        provider.on(ANTHROPIC_MESSAGES, anthropicError(529, "error-overloaded.json"), anthropicError(529, "error-overloaded.json"));
        provider.on(COMPATIBLE_CHAT, compatibleStream());

        ApiReply reply = post(ask(CLAUDE, true, FALLBACK));

        assertCompleteStream(reply, "Hello from llama");
        assertThat(reply.events("message_start").get(0).path("message").path("model").asText()).isEqualTo("llama-3.1-8b");
        JsonNode usage = reply.events("message_delta").get(0).path("usage");
        assertThat(usage.path("input_tokens").asInt()).isEqualTo(12);
        assertThat(usage.path("output_tokens").asInt()).isEqualTo(3);
        assertThat(reply.header("x-switchboard-route")).isEqualTo(FALLBACK);
        assertThat(reply.header("x-switchboard-attempts")).isEqualTo("3");
    }

    // --- F17: 401/403, a bad provider key ---------------------------------------------------------------------

    @Test
    void f17_aRejectedKeyIsNotRetriedTheProviderIsSetAsideAndTheKeyIsNeverShown() {
        provider.on(ANTHROPIC_MESSAGES, anthropicError(401, "error-authentication.json"), anthropicWhole());
        provider.on(COMPATIBLE_CHAT, compatibleAnswer(), compatibleAnswer());

        ApiReply first = post(ask(CLAUDE, false, FALLBACK));
        ApiReply second = post(ask(CLAUDE, false, FALLBACK));

        assertMessage(first, OPENAI_FIXTURE_TEXT);
        assertMessage(second, OPENAI_FIXTURE_TEXT);
        assertThat(first.header("x-switchboard-attempts")).isEqualTo("2");
        assertThat(second.header("x-switchboard-attempts")).as("the provider is skipped").isEqualTo("1");
        assertThat(provider.received(ANTHROPIC_MESSAGES)).as("one call ever: no retry, then set aside").hasSize(1);
        assertThat(first.body() + second.body()).doesNotContain(ProviderEmulator.ANTHROPIC_KEY);
        assertThat(logs.text()).contains("auth_rejected 401").doesNotContain(ProviderEmulator.ANTHROPIC_KEY);
    }

    @Test
    void f17_streamed_aRejectedKeyIsNotRetriedAndTheProviderIsSetAside() {
        provider.on(ANTHROPIC_MESSAGES, anthropicError(403, "error-permission.json"), anthropicStream(CLAUDE_MODEL, "never"));
        provider.on(COMPATIBLE_CHAT, compatibleStream(), compatibleStream());

        ApiReply first = post(ask(CLAUDE, true, FALLBACK));
        ApiReply second = post(ask(CLAUDE, true, FALLBACK));

        assertCompleteStream(first, "Hello from llama");
        assertCompleteStream(second, "Hello from llama");
        assertThat(provider.received(ANTHROPIC_MESSAGES)).hasSize(1);
        assertThat(first.body() + second.body()).doesNotContain(ProviderEmulator.ANTHROPIC_KEY);
    }

    // --- F18: 200 with a body that is not the documented schema -----------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = { "{\"unexpected\":true}", "this is not json",
            "{\"id\":\"msg_1\",\"type\":\"message\",\"content\":\"wrong type\"}" })
    void f18_aBodyNotInTheDocumentedSchemaIsAProviderFailureNeverA500(String body) {
        provider.on(ANTHROPIC_MESSAGES, Script.status(200, body), anthropicWhole());
        provider.on(COMPATIBLE_CHAT, compatibleAnswer());

        ApiReply reply = post(ask(CLAUDE, false, FALLBACK));

        assertMessage(reply, OPENAI_FIXTURE_TEXT);
        assertThat(reply.header("x-switchboard-route")).isEqualTo(FALLBACK);
        assertThat(provider.received(ANTHROPIC_MESSAGES)).hasSize(1);
    }

    @Test
    void f18_streamed_aWholeJsonAnswerToAStreamRequestIsAProviderFailureAndFailedOver() {
        provider.on(ANTHROPIC_MESSAGES, anthropicWhole(), anthropicWhole());
        provider.on(COMPATIBLE_CHAT, compatibleStream());

        ApiReply reply = post(ask(CLAUDE, true, FALLBACK));

        assertCompleteStream(reply, "Hello from llama");
        assertThat(reply.header("x-switchboard-route")).isEqualTo(FALLBACK);
        assertThat(reply.body()).doesNotContain(ANTHROPIC_FIXTURE_TEXT);
    }

    // --- F19: every route fails ---------------------------------------------------------------------------------

    @Test
    void f19_withNothingRememberedTheStaticMessageIsAnOrdinaryMessageMarkedDegraded() {
        provider.on(ANTHROPIC_MESSAGES, anthropicError(529, "error-overloaded.json"), anthropicError(529, "error-overloaded.json"));
        provider.on(COMPATIBLE_CHAT, openAiError(500, "error-server.json"), openAiError(500, "error-server.json"));

        ApiReply reply = post(ask(CLAUDE, false, FALLBACK));

        JsonNode message = assertMessage(reply, GENERAL);
        assertThat(reply.header("x-switchboard-degraded")).isEqualTo("true");
        assertThat(reply.header("x-switchboard-degraded-source")).isEqualTo("static");
        assertThat(reply.header("x-switchboard-route")).isNull();
        assertThat(reply.header("x-switchboard-attempts")).isEqualTo("4");
        assertThat(message.path("switchboard").path("degraded").asBoolean()).isTrue();
        assertThat(message.path("usage").path("output_tokens").asInt(-1)).isZero();
    }

    @Test
    void f19_streamed_theLastGoodStreamForTheSameRequestStandsInAsAWellFormedStream() {
        provider.on(ANTHROPIC_MESSAGES, anthropicStream(CLAUDE_MODEL, "Hello", " world"));
        assertCompleteStream(post(ask(CLAUDE, true, FALLBACK)), "Hello world");
        provider.reset();
        provider.on(ANTHROPIC_MESSAGES, anthropicError(529, "error-overloaded.json"), anthropicError(529, "error-overloaded.json"));
        provider.on(COMPATIBLE_CHAT, openAiError(500, "error-server.json"), openAiError(500, "error-server.json"));

        ApiReply reply = post(ask(CLAUDE, true, FALLBACK));

        assertCompleteStream(reply, "Hello world");
        assertThat(reply.header("x-switchboard-degraded")).isEqualTo("true");
        assertThat(reply.header("x-switchboard-degraded-source")).isEqualTo("cache");
        JsonNode started = reply.events("message_start").get(0).path("message");
        assertThat(started.path("model").asText()).isEqualTo(CLAUDE_MODEL);
        assertThat(started.path("switchboard").path("degraded").asBoolean()).isTrue();
        assertThat(provider.received(ANTHROPIC_MESSAGES)).hasSize(2);
        assertThat(provider.received(COMPATIBLE_CHAT)).hasSize(2);
    }
}
