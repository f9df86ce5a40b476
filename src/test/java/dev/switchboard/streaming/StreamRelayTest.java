package dev.switchboard.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.switchboard.support.ProviderEmulator;
import dev.switchboard.support.stream.Script;
import dev.switchboard.support.stream.ScriptedProvider;
import dev.switchboard.support.stream.StreamedReply;
import dev.switchboard.support.stream.StreamingProfile;
import dev.switchboard.support.stream.StreamingTestBase;
import dev.switchboard.support.stream.WireStreams;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** A healthy stream reaches the caller as OpenAI chunks, exactly, whatever the provider. */
@QuarkusTest
@TestProfile(StreamingProfile.class)
class StreamRelayTest extends StreamingTestBase {

    @Test
    void relaysAnOpenAiStreamChunkByChunk() {
        provider.on(OPENAI_CHAT, Script.stream().events(WireStreams.openAi("gpt-4o-2024-08-06", "Hello", ", ", "world")).end());

        StreamedReply reply = StreamedReply.post(streamed("gpt-4o"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("content-type")).startsWith("text/event-stream");
        assertThat(reply.header("x-switchboard-route")).isEqualTo("gpt-4o");
        assertThat(reply.header("x-switchboard-attempts")).isEqualTo("1");
        List<JsonNode> chunks = reply.chunks();
        assertThat(chunks).hasSize(5);
        assertThat(chunks.get(0).path("choices").path(0).path("delta").path("role").asText()).isEqualTo("assistant");
        assertThat(chunks.subList(1, 4)).extracting(c -> c.path("choices").path(0).path("delta").path("content").asText())
                .containsExactly("Hello", ", ", "world");
        assertThat(chunks.get(4).path("choices").path(0).path("finish_reason").asText()).isEqualTo("stop");
        assertThat(chunks.get(4).path("choices").path(0).path("delta").size()).isZero();
        assertThat(chunks).allSatisfy(chunk -> {
            assertThat(chunk.path("id").asText()).isEqualTo(chunks.get(0).path("id").asText()).startsWith("chatcmpl-");
            assertThat(chunk.path("model").asText()).isEqualTo("gpt-4o-2024-08-06");
            assertThat(chunk.path("object").asText()).isEqualTo("chat.completion.chunk");
        });
        assertThat(reply.endsWithDone()).isTrue();
        assertThat(reply.error()).isEmpty();

        ScriptedProvider.Received upstream = provider.received(OPENAI_CHAT).get(0);
        assertThat(upstream.header("authorization")).isEqualTo("Bearer " + ProviderEmulator.OPENAI_KEY);
        assertThat(upstream.json().path("stream").asBoolean()).isTrue();
        assertThat(upstream.json().path("stream_options").path("include_usage").asBoolean()).isTrue();
    }

    @Test
    void endsWithTheUsageChunkWhenTheCallerAsks() {
        provider.on(OPENAI_CHAT, Script.stream().events(WireStreams.openAi("gpt-4o-2024-08-06", "Hi", "!")).end());

        StreamedReply reply = StreamedReply.post(streamed("gpt-4o", true));

        List<JsonNode> chunks = reply.chunks();
        JsonNode last = chunks.get(chunks.size() - 1);
        assertThat(last.path("choices").isArray()).isTrue();
        assertThat(last.path("choices").size()).isZero();
        assertThat(last.path("usage").path("prompt_tokens").asInt()).isEqualTo(12);
        assertThat(last.path("usage").path("completion_tokens").asInt()).isEqualTo(2);
        assertThat(last.path("usage").path("total_tokens").asInt()).isEqualTo(14);
        assertThat(chunks.subList(0, chunks.size() - 1)).allSatisfy(c -> assertThat(c.path("usage").isNull()).isTrue());
        assertThat(reply.endsWithDone()).isTrue();
    }

    @Test
    void sendsNoUsageChunkUnlessAsked() {
        provider.on(OPENAI_CHAT, Script.stream().events(WireStreams.openAi("gpt-4o-2024-08-06", "Hi")).end());

        StreamedReply reply = StreamedReply.post(streamed("gpt-4o"));

        assertThat(reply.chunks()).allSatisfy(c -> assertThat(c.path("choices").size()).isEqualTo(1));
        assertThat(reply.content()).isEqualTo("Hi");
    }

    @Test
    void relaysAnOpenAiCompatibleStream() {
        provider.on(COMPATIBLE_CHAT, Script.stream().events(WireStreams.openAi("llama-3.1-8b", "Hello", " there")).end());

        StreamedReply reply = StreamedReply.post(streamed("openai-compatible/llama-3.1-8b"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.content()).isEqualTo("Hello there");
        assertThat(reply.finishReasons()).containsExactly("stop");
        assertThat(reply.chunks()).allSatisfy(c -> assertThat(c.path("model").asText()).isEqualTo("llama-3.1-8b"));
        assertThat(provider.received(COMPATIBLE_CHAT).get(0).header("authorization"))
                .isEqualTo("Bearer " + ProviderEmulator.COMPATIBLE_KEY);
    }

    @Test
    void relaysAnAnthropicStreamAsOpenAiChunks() {
        provider.on(ANTHROPIC_MESSAGES, Script.stream().events(WireStreams.anthropic("claude-sonnet-4-5-20250929", "Hello", " from", " Claude")).end());

        StreamedReply reply = StreamedReply.post(streamed("claude-sonnet", true));

        assertThat(reply.header("x-switchboard-route")).isEqualTo("claude-sonnet");
        assertThat(reply.content()).isEqualTo("Hello from Claude");
        assertThat(reply.finishReasons()).containsExactly("stop");
        JsonNode last = reply.chunks().get(reply.chunks().size() - 1);
        assertThat(last.path("model").asText()).isEqualTo("claude-sonnet-4-5-20250929");
        assertThat(last.path("usage").path("prompt_tokens").asInt()).isEqualTo(12);
        assertThat(last.path("usage").path("completion_tokens").asInt()).isEqualTo(3);
        assertThat(reply.endsWithDone()).isTrue();
        ScriptedProvider.Received upstream = provider.received(ANTHROPIC_MESSAGES).get(0);
        assertThat(upstream.header("x-api-key")).isEqualTo(ProviderEmulator.ANTHROPIC_KEY);
        assertThat(upstream.json().path("stream").asBoolean()).isTrue();
    }

    @Test
    void relaysAGeminiStreamAsOpenAiChunks() {
        provider.on(geminiStreamPath("gemini-2.5-flash"),
                Script.stream().events(WireStreams.gemini("gemini-2.5-flash", "Hello", " from", " Gemini")).end());

        StreamedReply reply = StreamedReply.post(streamed("gemini-flash", true));

        assertThat(reply.header("x-switchboard-route")).isEqualTo("gemini-flash");
        assertThat(reply.content()).isEqualTo("Hello from Gemini");
        assertThat(reply.finishReasons()).containsExactly("stop");
        JsonNode last = reply.chunks().get(reply.chunks().size() - 1);
        assertThat(last.path("usage").path("completion_tokens").asInt()).isEqualTo(3);
        assertThat(reply.endsWithDone()).isTrue();
        assertThat(provider.received(geminiStreamPath("gemini-2.5-flash")).get(0).header("x-goog-api-key"))
                .isEqualTo(ProviderEmulator.GEMINI_KEY);
    }

    @Test
    void anthropicOverloadedMidStreamIsContinuedWhereTheAnswerBroke() {
        List<String> events = WireStreams.anthropicStart("claude-sonnet-4-5", "The answer", " is");
        events.add(WireStreams.anthropicError("overloaded_error", "Overloaded"));
        provider.on(ANTHROPIC_MESSAGES, Script.stream().events(events).end());
        provider.on(COMPATIBLE_CHAT, Script.stream().events(WireStreams.openAi(StreamingProfile.VLLM_MODEL, " 42.")).end());

        StreamedReply reply = StreamedReply.post(streamed("claude-sonnet", StreamingProfile.VLLM));

        assertThat(reply.content()).isEqualTo("The answer is 42.");
        assertThat(reply.finishReasons()).containsExactly("stop");
    }

    @Test
    void aBrokenOpenAiStreamIsContinuedByClaudeFromAnAssistantPrefill() {
        provider.on(OPENAI_CHAT, Script.stream().events(WireStreams.openAiStart("gpt-4o", "Hello", " wor ")).cut());
        provider.on(COMPATIBLE_CHAT, Script.status(400, "{\"object\":\"error\",\"message\":\"continue_final_message "
                + "is not supported\",\"type\":\"BadRequestError\",\"code\":400}"));
        provider.on(ANTHROPIC_MESSAGES, Script.stream().events(WireStreams.anthropic("claude-sonnet-4-5", "ld!")).end());

        // F14: the vLLM route refuses the prefill; Claude takes it, and the caller never sees the refusal.
        StreamedReply reply = StreamedReply.post(streamed("gpt-4o", StreamingProfile.VLLM, "claude-sonnet"));

        assertThat(reply.content()).isEqualTo("Hello wor ld!");
        assertThat(reply.finishReasons()).containsExactly("stop");
        assertThat(reply.error()).isEmpty();
        JsonNode messages = provider.received(ANTHROPIC_MESSAGES).get(0).json().path("messages");
        JsonNode prefill = messages.get(messages.size() - 1);
        assertThat(prefill.path("role").asText()).isEqualTo("assistant");
        assertThat(prefill.toString()).contains("Hello wor\"").doesNotContain("Hello wor \"");
    }

    @Test
    void claudeRepeatingTheCutSpaceIsJoinedWithoutADoubleSpace() {
        provider.on(OPENAI_CHAT, Script.stream().events(WireStreams.openAiStart("gpt-4o", "Hi ")).cut());
        provider.on(ANTHROPIC_MESSAGES, Script.stream().events(WireStreams.anthropic("claude-sonnet-4-5", " there!")).end());

        StreamedReply reply = StreamedReply.post(streamed("gpt-4o", "claude-sonnet"));

        assertThat(reply.content()).as("the caller already has the space after \"Hi\"").isEqualTo("Hi there!");
        JsonNode messages = provider.received(ANTHROPIC_MESSAGES).get(0).json().path("messages");
        assertThat(messages.get(messages.size() - 1).toString()).contains("\"Hi\"");
    }
}
