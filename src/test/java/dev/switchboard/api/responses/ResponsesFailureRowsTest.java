package dev.switchboard.api.responses;

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
 * The failure table (failure-semantics.md) row by row through {@code POST /v1/responses}, whole and
 * streamed: what a Responses client sees (a {@code response} object with its {@code status},
 * {@code output} and {@code usage}; events from {@code response.created} to {@code response.completed},
 * or {@code response.failed}; errors in OpenAI's format {@code {"error":{"message","type","param","code"}}})
 * and what the emulated providers received. The primary is the OpenAI route {@code gpt-4o}; the
 * fallback an OpenAI-compatible server.
 *
 * <p>Covered elsewhere for this API, not repeated here: F8 with nowhere to continue, ending as
 * {@code response.failed} ({@link ResponsesStreamEndingsTest}); F19's static message, whole and
 * streamed ({@link ResponsesDegradedTest}); failover of a whole and a streamed response after a 500
 * ({@link ResponsesSdkTest}, {@link ResponsesSdkStreamsTest}). F14 and F15 are about continuation and
 * circuit timing, the same whichever API asked; their chat tests stand.
 */
@QuarkusTest
@TestProfile(FailureRowsProfile.class)
class ResponsesFailureRowsTest extends FailureRowsTestBase {

    private static final String GPT = "gpt-4o";
    private static final String GPT_MODEL = "gpt-4o-2024-08-06";
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
        provider.on(OPENAI_CHAT, openAiWhole(GPT_MODEL), openAiStream(GPT, "Hi"));
        provider.on(COMPATIBLE_CHAT, openAiWhole(FALLBACK_MODEL), openAiStream("llama-3.1-8b", "Hi"));
        post(ask(GPT, false));
        post(ask(GPT, true));
        post(ask(FALLBACK, false));
        post(ask(FALLBACK, true));
    }

    /** A Responses request for a model and its fallbacks (none: that route alone). */
    private static String ask(String model, boolean stream, String... fallbacks) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("model", model).put("input", "Say hello to the world")
                .put("stream", stream);
        ArrayNode chain = body.putArray("fallbacks");
        for (String fallback : fallbacks) {
            chain.add(fallback);
        }
        return body.toString();
    }

    private static ApiReply post(String body, String... headers) {
        return ApiReply.post("/v1/responses", body, headers);
    }

    /** The text of a response's message items. */
    private static String text(JsonNode response) {
        StringBuilder text = new StringBuilder();
        for (JsonNode item : response.path("output")) {
            if (item.path("type").asText().equals("message")) {
                item.path("content").forEach(part -> text.append(part.path("text").asText()));
            }
        }
        return text.toString();
    }

    /** A whole response, completed, whose one message says this. */
    private static JsonNode assertResponse(ApiReply reply, String text) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.header("content-type")).startsWith("application/json");
        JsonNode response = reply.json();
        assertThat(response.path("object").asText()).isEqualTo("response");
        assertThat(response.path("id").asText()).startsWith("resp_");
        assertThat(response.path("status").asText()).isEqualTo("completed");
        assertThat(response.path("error").isNull() || response.path("error").isMissingNode()).isTrue();
        assertThat(response.path("output")).hasSize(1);
        assertThat(response.path("output").get(0).path("type").asText()).isEqualTo("message");
        assertThat(response.path("output").get(0).path("content").get(0).path("type").asText()).isEqualTo("output_text");
        assertThat(text(response)).isEqualTo(text);
        return response;
    }

    /** The text the caller's SDK would assemble from the stream's deltas. */
    private static String streamedText(ApiReply reply) {
        return reply.events("response.output_text.delta").stream().map(event -> event.path("delta").asText())
                .collect(Collectors.joining());
    }

    /**
     * A whole Responses event stream: response.created first, response.completed last, nothing failed,
     * sequence numbers in order; returns the completed response.
     */
    private static JsonNode assertCompleteStream(ApiReply reply, String text) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.isEventStream()).as(reply.body()).isTrue();
        List<ApiReply.Event> events = reply.events();
        assertThat(events.get(0).name()).isEqualTo("response.created");
        assertThat(events.get(events.size() - 1).name()).isEqualTo("response.completed");
        assertThat(reply.eventNames()).doesNotContain("response.failed", "error");
        for (int i = 0; i < events.size(); i++) {
            assertThat(events.get(i).data().path("sequence_number").asInt()).isEqualTo(i);
            assertThat(events.get(i).data().path("type").asText()).isEqualTo(events.get(i).name());
        }
        assertThat(streamedText(reply)).isEqualTo(text);
        JsonNode completed = events.get(events.size() - 1).data().path("response");
        assertThat(completed.path("status").asText()).isEqualTo("completed");
        assertThat(completed.path("id").asText()).isEqualTo(events.get(0).data().path("response").path("id").asText());
        assertThat(text(completed)).isEqualTo(text);
        return completed;
    }

    /** An error in OpenAI's format, as an ordinary JSON response (never an event stream). */
    private static JsonNode assertError(ApiReply reply, int status, String type, String code) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.header("content-type")).startsWith("application/json");
        JsonNode error = reply.json().path("error");
        assertThat(error.isObject()).as(reply.body()).isTrue();
        assertThat(error.path("type").asText()).isEqualTo(type);
        assertThat(error.path("code").asText()).isEqualTo(code);
        assertThat(error.has("param")).isTrue();
        return error;
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
        provider.on(OPENAI_CHAT, openAiError(429, "error-rate-limit.json", "Retry-After: 30"));
        provider.on(COMPATIBLE_CHAT, compatibleAnswer(), compatibleAnswer());

        ApiReply first = post(ask(GPT, false, FALLBACK));
        ApiReply second = post(ask(GPT, false, FALLBACK));

        assertResponse(first, OPENAI_FIXTURE_TEXT);
        assertThat(first.header("x-switchboard-route")).isEqualTo(FALLBACK);
        assertThat(first.header("x-switchboard-attempts")).isEqualTo("2");
        assertResponse(second, OPENAI_FIXTURE_TEXT);
        assertThat(second.header("x-switchboard-attempts")).as("the cooling route is skipped").isEqualTo("1");
        assertThat(provider.received(OPENAI_CHAT)).hasSize(1);
        assertThat(provider.received(COMPATIBLE_CHAT)).hasSize(2);
    }

    @Test
    void f1_aShortRetryAfterOnTheLastRouteIsWaitedOutNeverSooner() {
        provider.on(OPENAI_CHAT, openAiError(429, "error-rate-limit.json", "Retry-After: 1"), openAiWhole(GPT_MODEL));

        ApiReply reply = post(ask(GPT, false));

        JsonNode response = assertResponse(reply, OPENAI_FIXTURE_TEXT);
        assertThat(response.path("model").asText()).isEqualTo(GPT_MODEL);
        assertThat(reply.header("x-switchboard-route")).isEqualTo(GPT);
        assertThat(reply.header("x-switchboard-attempts")).isEqualTo("2");
        assertThat(gapMs(provider.received(OPENAI_CHAT))).as("never sooner than Retry-After").isGreaterThanOrEqualTo(1000);
    }

    @Test
    void f1_streamed_aRateLimitWithRetryAfterFailsOverAndTheRouteCoolsDown() {
        provider.on(OPENAI_CHAT, openAiError(429, "error-rate-limit.json", "Retry-After: 20"));
        provider.on(COMPATIBLE_CHAT, compatibleStream(), compatibleStream());

        ApiReply first = post(ask(GPT, true, FALLBACK));
        ApiReply second = post(ask(GPT, true, FALLBACK));

        assertCompleteStream(first, "Hello from llama");
        assertCompleteStream(second, "Hello from llama");
        assertThat(second.header("x-switchboard-attempts")).isEqualTo("1");
        assertThat(provider.received(OPENAI_CHAT)).hasSize(1);
    }

    // --- F2: 429 without Retry-After, every time ----------------------------------------------

    @Test
    void f2_aRateLimitWithoutRetryAfterIsTriedTwiceWithBackoffThenFailsOver() {
        provider.on(OPENAI_CHAT, openAiError(429, "error-rate-limit.json"), openAiError(429, "error-rate-limit.json"),
                openAiWhole(GPT_MODEL));
        provider.on(COMPATIBLE_CHAT, compatibleAnswer());

        ApiReply reply = post(ask(GPT, false, FALLBACK));

        assertResponse(reply, OPENAI_FIXTURE_TEXT);
        assertThat(reply.json().path("model").asText()).isEqualTo(FALLBACK_MODEL);
        assertThat(reply.header("x-switchboard-route")).isEqualTo(FALLBACK);
        assertThat(reply.header("x-switchboard-attempts")).isEqualTo("3");
        assertThat(gapMs(provider.received(OPENAI_CHAT))).as("jittered backoff of 50-100% of 1 s").isGreaterThanOrEqualTo(500);
    }

    @Test
    void f2_streamed_aRateLimitWithoutRetryAfterIsTriedTwiceThenFailsOver() {
        provider.on(OPENAI_CHAT, openAiError(429, "error-rate-limit.json"), openAiError(429, "error-rate-limit.json"),
                openAiStream(GPT, "never"));
        provider.on(COMPATIBLE_CHAT, compatibleStream());

        ApiReply reply = post(ask(GPT, true, FALLBACK));

        assertCompleteStream(reply, "Hello from llama");
        assertThat(gapMs(provider.received(OPENAI_CHAT))).isGreaterThanOrEqualTo(500);
    }

    // --- F3: a 5xx once ------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(ints = { 500, 502, 503, 504 })
    void f3_aServerErrorOnceIsRetriedOnTheSameRoute(int status) {
        provider.on(OPENAI_CHAT, openAiError(status, "error-server.json"), openAiWhole(GPT_MODEL));
        provider.on(COMPATIBLE_CHAT, compatibleAnswer());

        ApiReply reply = post(ask(GPT, false, FALLBACK));

        JsonNode response = assertResponse(reply, OPENAI_FIXTURE_TEXT);
        assertThat(response.path("model").asText()).isEqualTo(GPT_MODEL);
        assertThat(reply.header("x-switchboard-route")).isEqualTo(GPT);
        assertThat(reply.header("x-switchboard-attempts")).isEqualTo("2");
        assertThat(gapMs(provider.received(OPENAI_CHAT))).as("jittered 50-100% of 250 ms").isGreaterThanOrEqualTo(125);
        assertThat(provider.received(COMPATIBLE_CHAT)).isEmpty();
    }

    @Test
    void f3_streamed_aServerErrorOnceIsRetriedOnTheSameRoute() {
        provider.on(OPENAI_CHAT, openAiError(503, "error-overloaded.json"), openAiStream(GPT_MODEL, "Hello", " world"));
        provider.on(COMPATIBLE_CHAT, compatibleStream());

        ApiReply reply = post(ask(GPT, true, FALLBACK));

        JsonNode completed = assertCompleteStream(reply, "Hello world");
        assertThat(completed.path("model").asText()).isEqualTo(GPT_MODEL);
        assertThat(reply.header("x-switchboard-route")).isEqualTo(GPT);
        assertThat(reply.header("x-switchboard-attempts")).isEqualTo("2");
        assertThat(provider.received(COMPATIBLE_CHAT)).isEmpty();
    }

    // --- F4: 5xx every time ----------------------------------------------------------------------

    @Test
    void f4_serverErrorsEveryTimeFailOverWithinTheRetryBudget() {
        provider.on(OPENAI_CHAT, openAiError(500, "error-server.json"), openAiError(500, "error-server.json"),
                openAiError(500, "error-server.json"));
        provider.on(COMPATIBLE_CHAT, compatibleAnswer());

        ApiReply reply = post(ask(GPT, false, FALLBACK));

        assertResponse(reply, OPENAI_FIXTURE_TEXT);
        assertThat(reply.header("x-switchboard-route")).isEqualTo(FALLBACK);
        assertThat(reply.header("x-switchboard-attempts")).isEqualTo("3");
        assertThat(provider.received(OPENAI_CHAT)).hasSize(2);
    }

    @Test
    void f4_withNowhereLeftTheRealUpstreamErrorsAreSurfacedInOpenAisFormat() {
        provider.on(OPENAI_CHAT, openAiError(500, "error-server.json"), openAiError(500, "error-server.json"));
        provider.on(COMPATIBLE_CHAT, openAiError(503, "error-overloaded.json"), openAiError(503, "error-overloaded.json"));

        ApiReply reply = post(ask(GPT, false, FALLBACK), NO_DEGRADED, "off");

        JsonNode error = assertError(reply, 502, "upstream_error", "all_routes_failed");
        assertThat(error.path("message").asText()).contains("The server had an error while processing your request")
                .contains("The engine is currently overloaded");
        assertThat(error.path("attempts")).hasSize(4);
        assertThat(error.path("attempts").get(0).path("route").asText()).isEqualTo(GPT);
        assertThat(error.path("attempts").get(0).path("status").asInt()).isEqualTo(500);
        assertThat(error.path("attempts").get(3).path("route").asText()).isEqualTo(FALLBACK);
        assertThat(error.path("attempts").get(3).path("status").asInt()).isEqualTo(503);
        assertThat(reply.header("x-switchboard-attempts")).isEqualTo("4");
        assertThat(reply.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void f4_streamed_withNowhereLeftTheCallerGetsAnOrdinaryErrorNotABrokenStream() {
        provider.on(OPENAI_CHAT, openAiError(500, "error-server.json"), openAiError(500, "error-server.json"));
        provider.on(COMPATIBLE_CHAT, openAiError(503, "error-overloaded.json"), openAiError(503, "error-overloaded.json"));

        ApiReply reply = post(ask(GPT, true, FALLBACK), NO_DEGRADED, "off");

        JsonNode error = assertError(reply, 502, "upstream_error", "all_routes_failed");
        assertThat(error.path("message").asText()).contains("The server had an error").contains("overloaded");
        assertThat(error.path("attempts")).hasSize(4);
    }

    // --- F5: the connection dies before any response byte -------------------------------------------

    @Test
    void f5_aConnectionDroppedOnceIsRetriedOnTheSameRoute() {
        provider.on(OPENAI_CHAT, Script.refuse(), openAiWhole(GPT_MODEL));
        provider.on(COMPATIBLE_CHAT, compatibleAnswer());

        ApiReply reply = post(ask(GPT, false, FALLBACK));

        assertResponse(reply, OPENAI_FIXTURE_TEXT);
        assertThat(reply.header("x-switchboard-route")).isEqualTo(GPT);
        assertThat(reply.header("x-switchboard-attempts")).isEqualTo("2");
        assertThat(provider.received(COMPATIBLE_CHAT)).isEmpty();
    }

    @Test
    void f5_streamed_aConnectionDroppedTwiceIsRetriedThenFailedOver() {
        provider.on(OPENAI_CHAT, Script.refuse(), Script.refuse());
        provider.on(COMPATIBLE_CHAT, compatibleStream());

        ApiReply reply = post(ask(GPT, true, FALLBACK));

        assertCompleteStream(reply, "Hello from llama");
        assertThat(reply.header("x-switchboard-route")).isEqualTo(FALLBACK);
        assertThat(provider.received(OPENAI_CHAT)).hasSize(2);
    }

    // --- F6: accepts the request and never answers ------------------------------------------------

    @Test
    void f6_aSilentProviderIsAbandonedAtItsTimeoutNotRetriedAndFailedOver() {
        provider.on(OPENAI_CHAT, Script.silence(), openAiWhole(GPT_MODEL));
        provider.on(COMPATIBLE_CHAT, compatibleAnswer());

        ApiReply reply = post(ask(GPT, false, FALLBACK));

        assertResponse(reply, OPENAI_FIXTURE_TEXT);
        assertThat(reply.header("x-switchboard-route")).isEqualTo(FALLBACK);
        assertThat(reply.header("x-switchboard-attempts")).isEqualTo("2");
        assertThat(provider.received(OPENAI_CHAT)).as("the silent route is not asked again").hasSize(1);
    }

    @Test
    void f6_streamed_aProviderThatNeverSendsAnEventIsAbandonedAndFailedOver() {
        provider.on(OPENAI_CHAT, Script.stream().stall(), openAiStream(GPT, "never"));
        provider.on(COMPATIBLE_CHAT, compatibleStream());

        ApiReply reply = post(ask(GPT, true, FALLBACK));

        assertCompleteStream(reply, "Hello from llama");
        assertThat(provider.received(OPENAI_CHAT)).hasSize(1);
        await().atMost(Duration.ofSeconds(3)).untilAsserted(() -> assertThat(provider.hungUp()).contains(OPENAI_CHAT));
    }

    // --- F7: headers at once, first token very late ------------------------------------------------------

    @Test
    void f7_streamed_aLateFirstTokenFailsOverBeforeAnyByteReachedTheCaller() {
        provider.on(OPENAI_CHAT, Script.stream().events(WireStreams.openAiStart(GPT)).pause(4000)
                .events(WireStreams.openAi(GPT, "too late")).end());
        provider.on(COMPATIBLE_CHAT, compatibleStream());

        ApiReply reply = post(ask(GPT, true, FALLBACK));

        JsonNode completed = assertCompleteStream(reply, "Hello from llama");
        assertThat(completed.path("model").asText()).isEqualTo("llama-3.1-8b");
        assertThat(reply.header("x-switchboard-route")).isEqualTo(FALLBACK);
        assertThat(reply.header("x-switchboard-attempts")).isEqualTo("2");
        assertThat(reply.events("response.created")).hasSize(1);
        assertThat(reply.body()).doesNotContain("too late").doesNotContain("chatcmpl-upstream123");
        assertThat(provider.received(OPENAI_CHAT)).hasSize(1);
        await().atMost(Duration.ofSeconds(3)).untilAsserted(() -> assertThat(provider.hungUp()).contains(OPENAI_CHAT));
    }

    // --- F8: stream cut mid-answer -------------------------------------------------------------------------

    @Test
    void f8_streamed_aCutStreamIsContinuedOnARouteThatCanAndTheCallerGetsTheWholeAnswer() {
        provider.on(OPENAI_CHAT, Script.stream().events(WireStreams.openAiStart(GPT, "Hello", " wor")).cut());
        provider.on(COMPATIBLE_CHAT, Script.stream().events(WireStreams.openAi(VLLM_MODEL, "ld", "!")).end());

        ApiReply reply = post(ask(GPT, true, VLLM));

        JsonNode completed = assertCompleteStream(reply, "Hello world!");
        assertThat(reply.events("response.output_item.added")).as("one message, continued").hasSize(1);
        assertThat(completed.path("output")).hasSize(1);
        assertThat(provider.received(OPENAI_CHAT)).hasSize(1);
        assertThat(provider.received(COMPATIBLE_CHAT)).hasSize(1);
        assertContinuedFrom(provider.received(COMPATIBLE_CHAT).get(0), "Hello wor");
    }

    // --- F9: stream stalls -------------------------------------------------------------------------------

    @Test
    void f9_streamed_aStalledStreamIsCaughtByTheIdleLimitAndContinued() {
        provider.on(OPENAI_CHAT, Script.stream().events(WireStreams.openAiStart(GPT, "Hello")).stall());
        provider.on(COMPATIBLE_CHAT, Script.stream().events(WireStreams.openAi(VLLM_MODEL, " world")).end());

        ApiReply reply = post(ask(GPT, true, VLLM));

        assertCompleteStream(reply, "Hello world");
        assertContinuedFrom(provider.received(COMPATIBLE_CHAT).get(0), "Hello");
        await().atMost(Duration.ofSeconds(3)).untilAsserted(() -> assertThat(provider.hungUp()).contains(OPENAI_CHAT));
    }

    @Test
    void f9_streamed_aStalledStreamWithNowhereToContinueEndsAsAFailedResponse() {
        provider.on(OPENAI_CHAT, Script.stream().events(WireStreams.openAiStart(GPT, "Hello")).stall());
        provider.on(COMPATIBLE_CHAT, compatibleStream());

        ApiReply reply = post(ask(GPT, true, FALLBACK));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(streamedText(reply)).isEqualTo("Hello");
        List<String> names = reply.eventNames();
        assertThat(names.get(names.size() - 1)).isEqualTo("response.failed");
        assertThat(names).doesNotContain("response.completed", "response.incomplete");
        JsonNode failed = reply.events("response.failed").get(0).path("response");
        assertThat(failed.path("status").asText()).isEqualTo("failed");
        assertThat(failed.path("error").path("code").asText()).isEqualTo("server_error");
        assertThat(failed.path("error").path("message").asText()).contains("interrupted").contains(GPT);
        assertThat(provider.received(COMPATIBLE_CHAT)).isEmpty();
    }

    // --- F10: a malformed event mid-stream ----------------------------------------------------------------

    @Test
    void f10_streamed_aMalformedEventIsNeverForwardedAndTheAnswerIsContinued() {
        List<String> events = WireStreams.openAiStart(GPT, "Hello");
        events.add("data: {\"id\":\"chatcmpl-x\",\"choices\":[{\"delta\":{\"content\":<garbage>\n\n");
        events.add(WireStreams.openAiText(GPT, " never"));
        provider.on(OPENAI_CHAT, Script.stream().events(events).end());
        provider.on(COMPATIBLE_CHAT, Script.stream().events(WireStreams.openAi(VLLM_MODEL, " world")).end());

        ApiReply reply = post(ask(GPT, true, VLLM));

        assertThat(reply.body()).doesNotContain("garbage").doesNotContain("never");
        assertCompleteStream(reply, "Hello world");
        assertContinuedFrom(provider.received(COMPATIBLE_CHAT).get(0), "Hello");
    }

    // --- F11: the stream ends cleanly without [DONE] ---------------------------------------------------------

    @Test
    void f11_streamed_aStreamEndingWithoutDoneIsFinalisedWithItsUsage() {
        List<String> events = WireStreams.openAiStart(GPT, "All", " done");
        events.add(WireStreams.openAiFinish(GPT, "stop"));
        events.add(WireStreams.openAiUsage(GPT, 7, 2));
        provider.on(OPENAI_CHAT, Script.stream().events(events).end());
        provider.on(COMPATIBLE_CHAT, Script.stream().events(WireStreams.openAi(VLLM_MODEL, "never")).end());

        ApiReply reply = post(ask(GPT, true, VLLM));

        JsonNode completed = assertCompleteStream(reply, "All done");
        assertThat(completed.path("usage").path("input_tokens").asInt()).isEqualTo(7);
        assertThat(completed.path("usage").path("output_tokens").asInt()).isEqualTo(2);
        assertThat(completed.path("usage").path("total_tokens").asInt()).isEqualTo(9);
        assertThat(provider.received(COMPATIBLE_CHAT)).isEmpty();
    }

    // --- F12: context length exceeded -----------------------------------------------------------------------

    @Test
    void f12_aContextOverflowIsNotRetriedAndMovesOnlyToALargerRoute() {
        provider.on(OPENAI_CHAT, openAiError(400, "error-context-length.json"), openAiWhole(GPT_MODEL));
        provider.on(COMPATIBLE_CHAT, openAiWhole("long-context-model"));

        // gpt-4o-mini has gpt-4o's 128k window, so it is passed over; the ad-hoc route's window is unknown.
        ApiReply reply = post(ask(GPT, false, "gpt-4o-mini", "openai-compatible/long-context-model"));

        JsonNode response = assertResponse(reply, OPENAI_FIXTURE_TEXT);
        assertThat(response.path("model").asText()).isEqualTo("long-context-model");
        assertThat(reply.header("x-switchboard-route")).isEqualTo("openai-compatible/long-context-model");
        assertThat(reply.header("x-switchboard-attempts")).isEqualTo("2");
        assertThat(provider.received(OPENAI_CHAT)).as("gpt-4o once, gpt-4o-mini never").hasSize(1);
    }

    @Test
    void f12_withNoLargerRouteTheOverflowIsAClean400WithTheProvidersMessage() {
        provider.on(OPENAI_CHAT, openAiError(400, "error-context-length.json"), openAiWhole(GPT_MODEL));

        ApiReply reply = post(ask(GPT, false, "gpt-4o-mini"));

        JsonNode error = assertError(reply, 400, "invalid_request_error", "context_length_exceeded");
        assertThat(error.path("message").asText()).contains("maximum context length is 128000 tokens");
        assertThat(provider.received(OPENAI_CHAT)).hasSize(1);
    }

    @Test
    void f12_streamed_withNoLargerRouteTheOverflowIsAClean400WithTheProvidersMessage() {
        provider.on(OPENAI_CHAT, openAiError(400, "error-context-length.json"), openAiStream(GPT, "never"));

        ApiReply reply = post(ask(GPT, true, "gpt-4o-mini"));

        JsonNode error = assertError(reply, 400, "invalid_request_error", "context_length_exceeded");
        assertThat(error.path("message").asText()).contains("maximum context length is 128000 tokens");
        assertThat(provider.received(OPENAI_CHAT)).hasSize(1);
    }

    // --- F13: content-policy rejection ------------------------------------------------------------------------

    @Test
    void f13_aContentPolicyRefusalIsNotRetriedNorRoutedAroundAndItsReasonIsReturned() {
        provider.on(OPENAI_CHAT, openAiError(400, "error-content-policy.json"), openAiWhole(GPT_MODEL));
        provider.on(COMPATIBLE_CHAT, compatibleAnswer());

        ApiReply reply = post(ask(GPT, false, FALLBACK));

        JsonNode error = assertError(reply, 400, "invalid_request_error", "content_filter");
        assertThat(error.path("message").asText()).contains("rejected as a result of our safety system");
        assertThat(provider.received(OPENAI_CHAT)).hasSize(1);
        assertThat(provider.received(COMPATIBLE_CHAT)).isEmpty();
    }

    @Test
    void f13_streamed_aContentPolicyRefusalIsAnOrdinaryErrorAndNotRoutedAround() {
        provider.on(OPENAI_CHAT, openAiError(400, "error-content-policy.json"), openAiStream(GPT, "never"));
        provider.on(COMPATIBLE_CHAT, compatibleStream());

        ApiReply reply = post(ask(GPT, true, FALLBACK));

        JsonNode error = assertError(reply, 400, "invalid_request_error", "content_filter");
        assertThat(error.path("message").asText()).contains("safety system");
        assertThat(provider.received(OPENAI_CHAT)).hasSize(1);
        assertThat(provider.received(COMPATIBLE_CHAT)).isEmpty();
    }

    // --- F16: primary fails, fallback answers -------------------------------------------------------------

    @Test
    void f16_theResponseNamesTheModelThatAnsweredAndCarriesOnlyItsUsage() {
        provider.on(OPENAI_CHAT, openAiError(503, "error-overloaded.json"), openAiError(503, "error-overloaded.json"));
        provider.on(COMPATIBLE_CHAT, compatibleAnswer());

        ApiReply reply = post(ask(GPT, false, FALLBACK));

        JsonNode response = assertResponse(reply, OPENAI_FIXTURE_TEXT);
        assertThat(response.path("model").asText()).isEqualTo(FALLBACK_MODEL);
        assertThat(response.path("usage").path("input_tokens").asInt()).isEqualTo(19);
        assertThat(response.path("usage").path("output_tokens").asInt()).isEqualTo(10);
        assertThat(response.path("usage").path("total_tokens").asInt()).isEqualTo(29);
        assertThat(reply.header("x-switchboard-route")).isEqualTo(FALLBACK);
        assertThat(reply.header("x-switchboard-attempts")).isEqualTo("3");
    }

    @Test
    void f16_streamed_theCompletedResponseNamesTheModelThatAnsweredAndCarriesOnlyItsUsage() {
        provider.on(OPENAI_CHAT, openAiError(503, "error-overloaded.json"), openAiError(503, "error-overloaded.json"));
        provider.on(COMPATIBLE_CHAT, compatibleStream());

        ApiReply reply = post(ask(GPT, true, FALLBACK));

        JsonNode completed = assertCompleteStream(reply, "Hello from llama");
        assertThat(completed.path("model").asText()).isEqualTo("llama-3.1-8b");
        assertThat(completed.path("usage").path("input_tokens").asInt()).isEqualTo(12);
        assertThat(completed.path("usage").path("output_tokens").asInt()).isEqualTo(3);
        assertThat(completed.path("usage").path("total_tokens").asInt()).isEqualTo(15);
        assertThat(reply.header("x-switchboard-route")).isEqualTo(FALLBACK);
        assertThat(reply.header("x-switchboard-attempts")).isEqualTo("3");
    }

    // --- F17: 401/403, a bad provider key ---------------------------------------------------------------------

    @Test
    void f17_aRejectedKeyIsNotRetriedTheProviderIsSetAsideAndTheKeyIsNeverShown() {
        provider.on(OPENAI_CHAT, openAiError(401, "error-invalid-api-key.json"), openAiWhole(GPT_MODEL));
        provider.on(COMPATIBLE_CHAT, compatibleAnswer(), compatibleAnswer());

        // gpt-4o-mini is on the same provider: set aside with it.
        ApiReply first = post(ask(GPT, false, "gpt-4o-mini", FALLBACK));
        ApiReply second = post(ask(GPT, false, "gpt-4o-mini", FALLBACK));

        assertResponse(first, OPENAI_FIXTURE_TEXT);
        assertResponse(second, OPENAI_FIXTURE_TEXT);
        assertThat(first.header("x-switchboard-route")).isEqualTo(FALLBACK);
        assertThat(second.header("x-switchboard-attempts")).as("the provider is skipped").isEqualTo("1");
        assertThat(provider.received(OPENAI_CHAT)).as("one call ever: no retry, then set aside").hasSize(1);
        assertThat(first.body() + second.body()).doesNotContain(ProviderEmulator.OPENAI_KEY);
        assertThat(logs.text()).contains("auth_rejected 401").doesNotContain(ProviderEmulator.OPENAI_KEY);
    }

    @Test
    void f17_streamed_aRejectedKeyIsNotRetriedAndTheProviderIsSetAside() {
        provider.on(OPENAI_CHAT, openAiError(403, "error-invalid-api-key.json"), openAiStream(GPT, "never"));
        provider.on(COMPATIBLE_CHAT, compatibleStream(), compatibleStream());

        ApiReply first = post(ask(GPT, true, FALLBACK));
        ApiReply second = post(ask(GPT, true, FALLBACK));

        assertCompleteStream(first, "Hello from llama");
        assertCompleteStream(second, "Hello from llama");
        assertThat(provider.received(OPENAI_CHAT)).hasSize(1);
        assertThat(first.body() + second.body()).doesNotContain(ProviderEmulator.OPENAI_KEY);
    }

    // --- F18: 200 with a body that is not the documented schema -----------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = { "{\"unexpected\":true}", "{\"id\":\"x\",\"choices\":[]}", "this is not json",
            "{\"choices\":\"wrong type\"}" })
    void f18_aBodyNotInTheDocumentedSchemaIsAProviderFailureNeverA500(String body) {
        provider.on(OPENAI_CHAT, Script.status(200, body), openAiWhole(GPT_MODEL));
        provider.on(COMPATIBLE_CHAT, compatibleAnswer());

        ApiReply reply = post(ask(GPT, false, FALLBACK));

        assertResponse(reply, OPENAI_FIXTURE_TEXT);
        assertThat(reply.header("x-switchboard-route")).isEqualTo(FALLBACK);
        assertThat(provider.received(OPENAI_CHAT)).hasSize(1);
    }

    @Test
    void f18_streamed_aWholeJsonAnswerToAStreamRequestIsAProviderFailureAndFailedOver() {
        provider.on(OPENAI_CHAT, openAiWhole(GPT_MODEL), openAiWhole(GPT_MODEL));
        provider.on(COMPATIBLE_CHAT, compatibleStream());

        ApiReply reply = post(ask(GPT, true, FALLBACK));

        assertCompleteStream(reply, "Hello from llama");
        assertThat(reply.header("x-switchboard-route")).isEqualTo(FALLBACK);
        assertThat(reply.body()).doesNotContain(OPENAI_FIXTURE_TEXT);
    }

    // --- F19: every route fails ---------------------------------------------------------------------------------

    @Test
    void f19_theLastGoodAnswerForTheSameRequestStandsInMarkedDegraded() {
        provider.on(OPENAI_CHAT, openAiWhole(GPT_MODEL));
        assertResponse(post(ask(GPT, false, FALLBACK)), OPENAI_FIXTURE_TEXT);
        provider.reset();
        provider.on(OPENAI_CHAT, openAiError(500, "error-server.json"), openAiError(500, "error-server.json"));
        provider.on(COMPATIBLE_CHAT, openAiError(503, "error-overloaded.json"), openAiError(503, "error-overloaded.json"));

        ApiReply reply = post(ask(GPT, false, FALLBACK));

        JsonNode response = assertResponse(reply, OPENAI_FIXTURE_TEXT);
        assertThat(reply.header("x-switchboard-degraded")).isEqualTo("true");
        assertThat(reply.header("x-switchboard-degraded-source")).isEqualTo("cache");
        assertThat(reply.header("x-switchboard-route")).isNull();
        assertThat(reply.header("x-switchboard-attempts")).isEqualTo("4");
        assertThat(response.path("model").asText()).isEqualTo(GPT_MODEL);
        assertThat(response.path("metadata").path(ResponseWriter.DEGRADED_KEY).asText()).isEqualTo("true");
        assertThat(response.path("usage").path("total_tokens").asInt(-1)).isZero();
    }

    @Test
    void f19_streamed_theLastGoodStreamForTheSameRequestStandsInAsAWellFormedStream() {
        provider.on(OPENAI_CHAT, openAiStream(GPT_MODEL, "Hello", " world"));
        assertCompleteStream(post(ask(GPT, true, FALLBACK)), "Hello world");
        provider.reset();
        provider.on(OPENAI_CHAT, openAiError(500, "error-server.json"), openAiError(500, "error-server.json"));
        provider.on(COMPATIBLE_CHAT, openAiError(503, "error-overloaded.json"), openAiError(503, "error-overloaded.json"));

        ApiReply reply = post(ask(GPT, true, FALLBACK));

        JsonNode completed = assertCompleteStream(reply, "Hello world");
        assertThat(reply.header("x-switchboard-degraded")).isEqualTo("true");
        assertThat(reply.header("x-switchboard-degraded-source")).isEqualTo("cache");
        assertThat(completed.path("model").asText()).isEqualTo(GPT_MODEL);
        assertThat(completed.path("metadata").path(ResponseWriter.DEGRADED_KEY).asText()).isEqualTo("true");
        assertThat(completed.path("usage").path("total_tokens").asInt(-1)).isZero();
        assertThat(provider.received(OPENAI_CHAT)).hasSize(2);
        assertThat(provider.received(COMPATIBLE_CHAT)).hasSize(2);
    }
}
