package dev.switchboard.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.openai.client.OpenAIClient;
import com.openai.core.JsonValue;
import com.openai.core.http.StreamResponse;
import com.openai.errors.OpenAIException;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;

import dev.switchboard.support.OpenAiSdk;
import dev.switchboard.support.stream.Script;
import dev.switchboard.support.stream.StreamingProfile;
import dev.switchboard.support.stream.StreamingTestBase;
import dev.switchboard.support.stream.WireStreams;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The official OpenAI Java SDK's streaming API consumes Switchboard's streams unchanged. */
@QuarkusTest
@TestProfile(StreamingProfile.class)
class OpenAiSdkStreamingTest extends StreamingTestBase {

    @TestHTTPResource("/v1")
    URL gateway;

    private OpenAIClient client() {
        return OpenAiSdk.client(gateway);
    }

    private static ChatCompletionCreateParams.Builder params(String model, String... fallbacks) {
        return ChatCompletionCreateParams.builder().model(model).addUserMessage("Say hello to the world")
                .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build())
                .putAdditionalBodyProperty("fallbacks", JsonValue.from(List.of(fallbacks)));
    }

    private static List<ChatCompletionChunk> readAll(StreamResponse<ChatCompletionChunk> stream) {
        try (stream) {
            List<ChatCompletionChunk> chunks = new ArrayList<>();
            stream.stream().forEach(chunks::add);
            return chunks;
        }
    }

    private static String content(List<ChatCompletionChunk> chunks) {
        StringBuilder text = new StringBuilder();
        chunks.stream().flatMap(c -> c.choices().stream()).forEach(choice -> choice.delta().content().ifPresent(text::append));
        return text.toString();
    }

    @Test
    void streamsAChat() {
        provider.on(OPENAI_CHAT, Script.stream().events(WireStreams.openAi("gpt-4o-2024-08-06", "Hello", ", world")).end());

        List<ChatCompletionChunk> chunks = readAll(client().chat().completions().createStreaming(params("gpt-4o").build()));

        assertThat(content(chunks)).isEqualTo("Hello, world");
        assertThat(chunks).allSatisfy(chunk -> assertThat(chunk.model()).isEqualTo("gpt-4o-2024-08-06"));
        assertThat(chunks.stream().flatMap(c -> c.choices().stream()).flatMap(c -> c.finishReason().stream()).toList())
                .containsExactly(ChatCompletionChunk.Choice.FinishReason.STOP);
        assertThat(chunks.get(chunks.size() - 1).usage().orElseThrow().totalTokens()).isEqualTo(14);
    }

    @Test
    void streamsAChatThatFailedOverBeforeItsFirstToken() {
        provider.on(OPENAI_CHAT, Script.status(503, "{\"error\":{\"message\":\"overloaded\",\"type\":\"server_error\"}}"),
                Script.status(503, "{\"error\":{\"message\":\"overloaded\",\"type\":\"server_error\"}}"));
        provider.on(COMPATIBLE_CHAT, Script.stream().events(WireStreams.openAi("llama-3.1-8b", "Hello", " from llama")).end());

        List<ChatCompletionChunk> chunks = readAll(client().chat().completions()
                .createStreaming(params("gpt-4o", "openai-compatible/llama-3.1-8b").build()));

        assertThat(content(chunks)).isEqualTo("Hello from llama");
        assertThat(chunks.get(chunks.size() - 1).model()).isEqualTo("llama-3.1-8b");
    }

    @Test
    void streamsAChatContinuedAfterTheStreamBroke() {
        provider.on(OPENAI_CHAT, Script.stream().events(WireStreams.openAiStart("gpt-4o", "Hello", " wor")).cut());
        provider.on(COMPATIBLE_CHAT, Script.stream().events(WireStreams.openAi(StreamingProfile.VLLM_MODEL, "ld")).end());

        List<ChatCompletionChunk> chunks = readAll(client().chat().completions()
                .createStreaming(params("gpt-4o", StreamingProfile.VLLM).build()));

        assertThat(content(chunks)).isEqualTo("Hello world");
        assertThat(chunks.get(chunks.size() - 1).model()).isEqualTo(StreamingProfile.VLLM_MODEL);
    }

    @Test
    void raisesTheInBandErrorOfAnAnswerThatCouldNotBeFinished() {
        provider.on(OPENAI_CHAT, Script.stream().events(WireStreams.openAiStart("gpt-4o", "Hello")).cut());

        List<ChatCompletionChunk> received = new ArrayList<>();
        assertThatThrownBy(() -> {
            try (StreamResponse<ChatCompletionChunk> stream = client().chat().completions()
                    .createStreaming(params("gpt-4o").build())) {
                stream.stream().forEach(received::add);
            }
        }).isInstanceOf(OpenAIException.class).hasMessageContaining("interrupted");
        assertThat(content(received)).isEqualTo("Hello");
    }
}
