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
}
