package dev.switchboard.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.switchboard.support.stream.Script;
import dev.switchboard.support.stream.ScriptedProvider;
import dev.switchboard.support.stream.StreamedReply;
import dev.switchboard.support.stream.StreamingProfile;
import dev.switchboard.support.stream.StreamingTestBase;
import dev.switchboard.support.stream.WireStreams;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Once words have reached the caller, a broken stream (F8 cut, F9 stall, F10 garbage) is finished by a
 * route that can continue from exactly those words; where none can, the caller gets an in-band error
 * and never a finish reason. A stream that finished but did not sign off (F11) is completed at once.
 */
@QuarkusTest
@TestProfile(StreamingProfile.class)
class StreamBrokenAfterFirstTokenTest extends StreamingTestBase {

    private static final String VLLM = StreamingProfile.VLLM;
    private static final String VLLM_MODEL = StreamingProfile.VLLM_MODEL;

    private static Script continuation(String... pieces) {
        return Script.stream().events(WireStreams.openAi(VLLM_MODEL, pieces)).end();
    }

    @Test
    void f8aCutStreamIsContinuedFromTheWordsAlreadySent() {
        provider.on(OPENAI_CHAT, Script.stream().events(WireStreams.openAiStart("gpt-4o", "Hello", " wor")).cut());
        provider.on(COMPATIBLE_CHAT, continuation("ld", "!"));

        StreamedReply reply = StreamedReply.post(streamed("gpt-4o", true, VLLM));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.content()).isEqualTo("Hello world!");
        assertThat(reply.finishReasons()).containsExactly("stop");
        assertThat(reply.endsWithDone()).isTrue();
        assertThat(reply.error()).isEmpty();
        List<JsonNode> chunks = reply.chunks();
        assertThat(chunks.get(1).path("model").asText()).isEqualTo("gpt-4o");
        JsonNode last = chunks.get(chunks.size() - 1);
        assertThat(last.path("model").asText()).isEqualTo(VLLM_MODEL);
        assertThat(last.path("usage").path("completion_tokens").asInt()).isEqualTo(2);

        assertThat(provider.received(OPENAI_CHAT)).hasSize(1);
        JsonNode asked = provider.received(COMPATIBLE_CHAT).get(0).json();
        JsonNode prefill = asked.path("messages").get(asked.path("messages").size() - 1);
        assertThat(prefill.path("role").asText()).isEqualTo("assistant");
        assertThat(prefill.path("content").asText()).isEqualTo("Hello wor");
        assertThat(asked.path("continue_final_message").asBoolean()).isTrue();
        assertThat(asked.path("add_generation_prompt").asBoolean(true)).isFalse();
        assertThat(asked.path("model").asText()).isEqualTo(VLLM_MODEL);
    }

    @Test
    void f8aContinuationAfterTrailingWhitespaceDoesNotDoubleTheSpace() {
        provider.on(OPENAI_CHAT, Script.stream().events(WireStreams.openAiStart("gpt-4o", "Hello ")).cut());
        provider.on(COMPATIBLE_CHAT, continuation(" world"));

        StreamedReply reply = StreamedReply.post(streamed("gpt-4o", VLLM));

        assertThat(reply.content()).isEqualTo("Hello world");
    }

    @Test
    void f8aCutStreamWithNowhereToContinueEndsWithAnInBandErrorAndNoFinish() {
        provider.on(OPENAI_CHAT, Script.stream().events(WireStreams.openAiStart("gpt-4o", "Hello", " wor")).cut());
        provider.on(COMPATIBLE_CHAT, continuation("never asked"));

        // The ad-hoc compatible route may not continue (continuation is off by default there).
        StreamedReply reply = StreamedReply.post(streamed("gpt-4o", "openai-compatible/llama-3.1-8b"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.content()).isEqualTo("Hello wor");
        assertThat(reply.finishReasons()).isEmpty();
        assertThat(reply.endsWithDone()).isFalse();
        JsonNode error = reply.error().orElseThrow();
        assertThat(error.path("code").asText()).isEqualTo("stream_interrupted");
        assertThat(error.path("type").asText()).isEqualTo("server_error");
        assertThat(error.path("message").asText()).contains("interrupted after 9 characters").contains("gpt-4o");
        assertThat(provider.received(COMPATIBLE_CHAT)).isEmpty();
    }

    @Test
    void f9aStalledStreamIsDetectedByTheIdleLimitAndContinued() {
        provider.on(OPENAI_CHAT, Script.stream().events(WireStreams.openAiStart("gpt-4o", "Hello")).stall());
        provider.on(COMPATIBLE_CHAT, continuation(" world"));

        StreamedReply reply = StreamedReply.post(streamed("gpt-4o", VLLM));

        assertThat(reply.content()).isEqualTo("Hello world");
        assertThat(reply.finishReasons()).containsExactly("stop");
        assertThat(provider.hungUp()).contains(OPENAI_CHAT);
    }

    @Test
    void f9aGatewayStaysHealthyAfterAStall() {
        provider.on(OPENAI_CHAT, Script.stream().events(WireStreams.openAiStart("gpt-4o", "Hello")).stall(),
                Script.stream().events(WireStreams.openAi("gpt-4o", "Fine", " again")).end());

        StreamedReply stalled = StreamedReply.post(streamed("gpt-4o"));
        StreamedReply next = StreamedReply.post(streamed("gpt-4o"));

        assertThat(stalled.error()).isPresent();
        assertThat(stalled.finishReasons()).isEmpty();
        assertThat(next.content()).isEqualTo("Fine again");
        assertThat(next.finishReasons()).containsExactly("stop");
    }

    @Test
    void f10aMalformedEventIsNeverForwardedAndTheAnswerIsContinued() {
        List<String> events = WireStreams.openAiStart("gpt-4o", "Hello");
        events.add("data: {\"id\":\"chatcmpl-x\",\"choices\":[{\"delta\":{\"content\":<garbage>\n\n");
        events.add(WireStreams.openAiText("gpt-4o", " never"));
        provider.on(OPENAI_CHAT, Script.stream().events(events).end());
        provider.on(COMPATIBLE_CHAT, continuation(" world"));

        StreamedReply reply = StreamedReply.post(streamed("gpt-4o", VLLM));

        assertThat(reply.body()).doesNotContain("garbage");
        assertThat(reply.events()).isNotEmpty();
        assertThat(reply.content()).isEqualTo("Hello world");
        assertThat(reply.finishReasons()).containsExactly("stop");
    }

    @Test
    void f11aStreamThatEndsWithoutDoneIsFinalisedWithItsUsage() {
        List<String> events = WireStreams.openAiStart("gpt-4o", "All", " done");
        events.add(WireStreams.openAiFinish("gpt-4o", "stop"));
        events.add(WireStreams.openAiUsage("gpt-4o", 7, 2));
        provider.on(OPENAI_CHAT, Script.stream().events(events).end());

        long start = System.nanoTime();
        StreamedReply reply = StreamedReply.post(streamed("gpt-4o", true));
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;

        assertThat(reply.content()).isEqualTo("All done");
        assertThat(reply.finishReasons()).containsExactly("stop");
        JsonNode last = reply.chunks().get(reply.chunks().size() - 1);
        assertThat(last.path("usage").path("total_tokens").asInt()).isEqualTo(9);
        assertThat(reply.endsWithDone()).isTrue();
        // Finalised when the stream ended, not after waiting out the 1.5 s idle limit.
        assertThat(elapsedMs).isLessThan(1400);
    }

    @Test
    void f11aFinishedStreamLeftOpenIsFinalisedAtTheIdleLimit() {
        List<String> events = WireStreams.openAiStart("gpt-4o", "All", " done");
        events.add(WireStreams.openAiFinish("gpt-4o", "length"));
        provider.on(OPENAI_CHAT, Script.stream().events(events).stall());

        StreamedReply reply = StreamedReply.post(streamed("gpt-4o", VLLM));

        assertThat(reply.content()).isEqualTo("All done");
        assertThat(reply.finishReasons()).containsExactly("length");
        assertThat(reply.endsWithDone()).isTrue();
        assertThat(provider.received(COMPATIBLE_CHAT)).isEmpty();
    }

    @Test
    void f14aRouteThatRejectsThePrefillIsNotShownToTheCallerAndNotAskedAgain() {
        Script prefillRejected = Script.status(400, "{\"object\":\"error\",\"message\":\"continue_final_message is not "
                + "supported for this model\",\"type\":\"BadRequestError\",\"param\":null,\"code\":400}");
        provider.on(OPENAI_CHAT, Script.stream().events(WireStreams.openAiStart("gpt-4o", "Hello")).cut(),
                Script.stream().events(WireStreams.openAiStart("gpt-4o", "Hi")).cut());
        provider.on(COMPATIBLE_CHAT, prefillRejected);

        StreamedReply first = StreamedReply.post(streamed("gpt-4o", VLLM));
        StreamedReply second = StreamedReply.post(streamed("gpt-4o", VLLM));

        JsonNode error = first.error().orElseThrow();
        assertThat(error.path("message").asText()).contains("gpt-4o").doesNotContain("continue_final_message");
        assertThat(first.finishReasons()).isEmpty();
        assertThat(second.error()).isPresent();
        List<ScriptedProvider.Received> asked = provider.received(COMPATIBLE_CHAT);
        assertThat(asked).hasSize(1);
    }
}
