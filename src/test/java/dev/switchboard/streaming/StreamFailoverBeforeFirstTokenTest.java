package dev.switchboard.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.switchboard.support.ProviderEmulator;
import dev.switchboard.support.stream.Script;
import dev.switchboard.support.stream.StreamedReply;
import dev.switchboard.support.stream.StreamingProfile;
import dev.switchboard.support.stream.StreamingTestBase;
import dev.switchboard.support.stream.WireStreams;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Until a stream's first words reach the caller, every failure is handled exactly as for a whole
 * answer (rows F1-F7, F12, F13, F16, F17), and invisibly: the caller sees one clean stream from the
 * route that answered, or an ordinary JSON error response, never a broken stream.
 */
@QuarkusTest
@TestProfile(StreamingProfile.class)
class StreamFailoverBeforeFirstTokenTest extends StreamingTestBase {

    private static final String FALLBACK = "openai-compatible/llama-3.1-8b";

    private static Script fallbackAnswer() {
        return Script.stream().events(WireStreams.openAi("llama-3.1-8b", "Hello", " from", " llama")).end();
    }

    private static Script openAiError(int status, String type, String code, String... headers) {
        return Script.status(status, "{\"error\":{\"message\":\"upstream says " + status + "\",\"type\":\"" + type
                + "\",\"param\":null,\"code\":" + (code == null ? "null" : "\"" + code + "\"") + "}}", headers);
    }

    @Test
    void f7aLateFirstTokenFailsOverBeforeAnyByteReachedTheCaller() {
        provider.on(OPENAI_CHAT, Script.stream().events(WireStreams.openAiStart("gpt-4o")).pause(4000)
                .events(WireStreams.openAi("gpt-4o", "too late")).end());
        provider.on(COMPATIBLE_CHAT, fallbackAnswer());

        StreamedReply reply = StreamedReply.post(streamed("gpt-4o", FALLBACK));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("x-switchboard-route")).isEqualTo(FALLBACK);
        assertThat(reply.header("x-switchboard-attempts")).isEqualTo("2");
        assertThat(reply.content()).isEqualTo("Hello from llama");
        assertThat(reply.chunks()).allSatisfy(c -> assertThat(c.path("model").asText()).isEqualTo("llama-3.1-8b"));
        assertThat(reply.finishReasons()).containsExactly("stop");
        assertThat(reply.endsWithDone()).isTrue();
        // F6: a silent route is not asked again, and the gateway hung up on it.
        assertThat(provider.received(OPENAI_CHAT)).hasSize(1);
        assertThat(provider.hungUp()).contains(OPENAI_CHAT);
    }

    @Test
    void f6aProviderThatNeverAnswersIsAbandonedAtTheFirstTokenLimit() {
        provider.on(OPENAI_CHAT, Script.stream().stall());
        provider.on(COMPATIBLE_CHAT, fallbackAnswer());

        StreamedReply reply = StreamedReply.post(streamed("gpt-4o", FALLBACK));

        assertThat(reply.content()).isEqualTo("Hello from llama");
        assertThat(provider.received(OPENAI_CHAT)).hasSize(1);
    }

    @Test
    void theDeadlineEndsTheWaitForAFirstTokenWithA504() {
        provider.on(OPENAI_CHAT, Script.stream().stall());

        StreamedReply reply = StreamedReply.post(streamed("gpt-4o"), "x-switchboard-deadline-ms", "500");

        assertThat(reply.status()).isEqualTo(504);
        assertThat(reply.header("content-type")).startsWith("application/json");
        assertThat(reply.json().path("error").path("code").asText()).isEqualTo("deadline_exceeded");
    }

    @Test
    void f1aRateLimitWithRetryAfterFailsOverAndTheRouteCoolsDown() {
        provider.on(OPENAI_CHAT, openAiError(429, "requests", "rate_limit_exceeded", "Retry-After: 20"));
        provider.on(COMPATIBLE_CHAT, fallbackAnswer(), fallbackAnswer());

        assertThat(StreamedReply.post(streamed("gpt-4o", FALLBACK)).content()).isEqualTo("Hello from llama");
        assertThat(StreamedReply.post(streamed("gpt-4o", FALLBACK)).content()).isEqualTo("Hello from llama");

        assertThat(provider.received(OPENAI_CHAT)).hasSize(1);
    }

    @Test
    void f2aRateLimitWithoutRetryAfterIsTriedTwiceThenFailsOver() {
        provider.on(OPENAI_CHAT, openAiError(429, "requests", "rate_limit_exceeded"),
                openAiError(429, "requests", "rate_limit_exceeded"));
        provider.on(COMPATIBLE_CHAT, fallbackAnswer());

        StreamedReply reply = StreamedReply.post(streamed("gpt-4o", FALLBACK));

        assertThat(reply.content()).isEqualTo("Hello from llama");
        assertThat(provider.received(OPENAI_CHAT)).hasSize(2);
    }

    @ParameterizedTest
    @ValueSource(ints = { 500, 502, 503, 504 })
    void f3aServerErrorOnceIsRetriedOnTheSameRoute(int status) {
        provider.on(OPENAI_CHAT, openAiError(status, "server_error", null),
                Script.stream().events(WireStreams.openAi("gpt-4o-2024-08-06", "Hello")).end());

        StreamedReply reply = StreamedReply.post(streamed("gpt-4o", FALLBACK));

        assertThat(reply.header("x-switchboard-route")).isEqualTo("gpt-4o");
        assertThat(reply.header("x-switchboard-attempts")).isEqualTo("2");
        assertThat(reply.content()).isEqualTo("Hello");
        assertThat(provider.received(COMPATIBLE_CHAT)).isEmpty();
    }

    @Test
    void f4aServerErrorsEverywhereAreAnOrdinaryJsonErrorNotAStream() {
        provider.on(OPENAI_CHAT, openAiError(503, "server_error", null), openAiError(503, "server_error", null));
        provider.on(COMPATIBLE_CHAT, openAiError(500, "server_error", null), openAiError(500, "server_error", null));

        StreamedReply reply = StreamedReply.post(streamed("gpt-4o", FALLBACK));

        assertThat(reply.status()).isEqualTo(502);
        assertThat(reply.header("content-type")).startsWith("application/json");
        var error = reply.json().path("error");
        assertThat(error.path("message").asText()).contains("upstream says 503").contains("upstream says 500");
        assertThat(error.path("attempts")).hasSize(4);
    }

    @Test
    void f5aConnectionDroppedBeforeAnyByteIsRetriedThenFailedOver() {
        provider.on(OPENAI_CHAT, Script.refuse(), Script.refuse());
        provider.on(COMPATIBLE_CHAT, fallbackAnswer());

        StreamedReply reply = StreamedReply.post(streamed("gpt-4o", FALLBACK));

        assertThat(reply.content()).isEqualTo("Hello from llama");
        assertThat(provider.received(OPENAI_CHAT)).hasSize(2);
    }

    @Test
    void aWholeJsonAnswerToAStreamRequestIsMalformedAndFailedOver() {
        String whole = "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"model\":\"gpt-4o\",\"choices\":[{\"index\":0,"
                + "\"message\":{\"role\":\"assistant\",\"content\":\"not streamed\"},\"finish_reason\":\"stop\"}]}";
        provider.on(OPENAI_CHAT, Script.status(200, whole), Script.status(200, whole));
        provider.on(COMPATIBLE_CHAT, fallbackAnswer());

        StreamedReply reply = StreamedReply.post(streamed("gpt-4o", FALLBACK));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("x-switchboard-route")).isEqualTo(FALLBACK);
        assertThat(reply.content()).isEqualTo("Hello from llama");
    }

    @Test
    void aWholeJsonAnswerToAStreamRequestIsReportedAsNotAnEventStream() {
        provider.on(OPENAI_CHAT, Script.status(200, "{\"id\":\"chatcmpl-1\"}"), Script.status(200, "{\"id\":\"chatcmpl-1\"}"));

        StreamedReply reply = StreamedReply.post(streamed("gpt-4o"));

        assertThat(reply.status()).isEqualTo(502);
        assertThat(reply.header("content-type")).startsWith("application/json");
        assertThat(reply.json().path("error").path("message").asText())
                .contains("a stream was asked for and the answer is 200 application/json, not text/event-stream");
    }

    @Test
    void f12aContextTooLongIsNotRetriedAndComesBackAsA400() {
        provider.on(OPENAI_CHAT, Script.status(400, "{\"error\":{\"message\":\"This model's maximum context length is 128000 "
                + "tokens.\",\"type\":\"invalid_request_error\",\"param\":\"messages\",\"code\":\"context_length_exceeded\"}}"));

        StreamedReply reply = StreamedReply.post(streamed("gpt-4o"));

        assertThat(reply.status()).isEqualTo(400);
        var error = reply.json().path("error");
        assertThat(error.path("code").asText()).isEqualTo("context_length_exceeded");
        assertThat(error.path("message").asText()).contains("maximum context length is 128000");
        assertThat(provider.received(OPENAI_CHAT)).hasSize(1);
    }

    @Test
    void f13aContentPolicyRefusalIsReturnedAndNotRoutedAround() {
        provider.on(OPENAI_CHAT, openAiError(400, "invalid_request_error", "content_policy_violation"));
        provider.on(COMPATIBLE_CHAT, fallbackAnswer());

        StreamedReply reply = StreamedReply.post(streamed("gpt-4o", FALLBACK));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("error").path("code").asText()).isEqualTo("content_filter");
        assertThat(provider.received(COMPATIBLE_CHAT)).isEmpty();
    }

    @Test
    void f16aFallbackAnswerIsReportedWithItsModelAndUsage() {
        provider.on(OPENAI_CHAT, openAiError(503, "server_error", null), openAiError(503, "server_error", null));
        provider.on(COMPATIBLE_CHAT, fallbackAnswer());

        StreamedReply reply = StreamedReply.post(streamed("gpt-4o", true, FALLBACK));

        assertThat(reply.header("x-switchboard-route")).isEqualTo(FALLBACK);
        assertThat(reply.header("x-switchboard-attempts")).isEqualTo("3");
        var last = reply.chunks().get(reply.chunks().size() - 1);
        assertThat(last.path("model").asText()).isEqualTo("llama-3.1-8b");
        assertThat(last.path("usage").path("completion_tokens").asInt()).isEqualTo(3);
        assertThat(last.path("usage").path("prompt_tokens").asInt()).isEqualTo(12);
    }

    @Test
    void f17aRejectedKeyIsNotRetriedAndTheProviderIsSetAside() {
        provider.on(OPENAI_CHAT, openAiError(401, "invalid_request_error", "invalid_api_key"));
        provider.on(COMPATIBLE_CHAT, fallbackAnswer(), fallbackAnswer());

        StreamedReply first = StreamedReply.post(streamed("gpt-4o", FALLBACK));
        StreamedReply second = StreamedReply.post(streamed("gpt-4o", FALLBACK));

        assertThat(List.of(first.content(), second.content())).containsOnly("Hello from llama");
        assertThat(provider.received(OPENAI_CHAT)).hasSize(1);
        assertThat(first.body() + second.body()).doesNotContain(ProviderEmulator.OPENAI_KEY);
    }
}
