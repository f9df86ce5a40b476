package dev.switchboard.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.core.JsonValue;
import com.openai.core.http.StreamResponse;
import com.openai.helpers.ChatCompletionAccumulator;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionFunctionTool;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import com.openai.models.chat.completions.ChatCompletionMessageToolCall;

import dev.switchboard.support.Fixtures;
import dev.switchboard.support.OpenAiSdk;
import dev.switchboard.support.stream.Script;
import dev.switchboard.support.stream.StreamedReply;
import dev.switchboard.support.stream.StreamingProfile;
import dev.switchboard.support.stream.StreamingTestBase;
import dev.switchboard.support.stream.WireStreams;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Tool calls streamed in OpenAI's chunk format ({@code delta.tool_calls[]}, the id and name first, then
 * argument pieces), and the recovery policy for them: invisible failover while nothing has gone out,
 * an in-band error (never a continuation) once a piece of a call has.
 */
@QuarkusTest
@TestProfile(StreamingProfile.class)
class StreamedToolCallsTest extends StreamingTestBase {

    private static final String TOOL_STREAM = "openai/chat-completion-stream-tool-calls.sse";
    private static final String TOOLS = ",\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"get_weather\","
            + "\"parameters\":{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}}}]";

    @TestHTTPResource("/v1")
    URL gateway;

    /** The fixture's events as a provider sends them, the first {@code count} of them or all. */
    private static List<String> toolEvents(int count) {
        List<String> events = Fixtures.sse(TOOL_STREAM).stream().map(event -> "data: " + event.data() + "\n\n").toList();
        return count < 0 ? events : events.subList(0, count);
    }

    private static String withTools(String streamedBody) {
        return streamedBody.replace(",\"fallbacks\"", TOOLS + ",\"fallbacks\"");
    }

    @Test
    void theOfficialSdkReassemblesParallelToolCallsUnchanged() {
        provider.on(OPENAI_CHAT, Script.stream().events(toolEvents(-1)).end());
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
                .model("gpt-4o")
                .addUserMessage("Weather in Lisbon and Porto?")
                .addTool(ChatCompletionFunctionTool.builder().function(FunctionDefinition.builder().name("get_weather")
                        .parameters(FunctionParameters.builder().putAdditionalProperty("type", JsonValue.from("object"))
                                .build()).build()).build())
                .build();

        ChatCompletionAccumulator accumulator = ChatCompletionAccumulator.create();
        try (StreamResponse<ChatCompletionChunk> stream = OpenAiSdk.client(gateway).chat().completions()
                .createStreaming(params)) {
            stream.stream().forEach(accumulator::accumulate);
        }
        ChatCompletion completion = accumulator.chatCompletion();

        assertThat(completion.choices().get(0).finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.TOOL_CALLS);
        List<ChatCompletionMessageFunctionToolCall> calls = completion.choices().get(0).message().toolCalls()
                .orElseThrow().stream().map(ChatCompletionMessageToolCall::function).map(java.util.Optional::orElseThrow)
                .toList();
        assertThat(calls).extracting(ChatCompletionMessageFunctionToolCall::id)
                .containsExactly("call_Qm3vT8sLp2Wc9YsHd4FjZaB1", "call_Rn4wU9tMq3Xd0ZtIe5GkAbC2");
        assertThat(calls).extracting(call -> call.function().name()).containsExactly("get_weather", "get_weather");
        assertThat(calls).extracting(call -> call.function().arguments())
                .containsExactly("{\"city\": \"Lisbon\"}", "{\"city\": \"Porto\"}");
        JsonNode asked = provider.received(OPENAI_CHAT).get(0).json();
        assertThat(asked.path("tools").get(0).path("function").path("name").asText()).isEqualTo("get_weather");
    }

    @Test
    void aStreamCutAfterToolCallPiecesEndsWithAnInBandErrorAndIsNeverContinued() {
        provider.on(OPENAI_CHAT, Script.stream().events(toolEvents(3)).cut());
        provider.on(COMPATIBLE_CHAT, Script.stream().events(WireStreams.openAi(StreamingProfile.VLLM_MODEL, "never")).end());

        StreamedReply reply = StreamedReply.post(withTools(streamed("gpt-4o", StreamingProfile.VLLM)));

        assertThat(reply.status()).isEqualTo(200);
        List<JsonNode> chunks = reply.chunks();
        assertThat(chunks.get(0).path("choices").get(0).path("delta").path("role").asText()).isEqualTo("assistant");
        JsonNode firstCall = chunks.get(1).path("choices").get(0).path("delta").path("tool_calls").get(0);
        assertThat(firstCall.path("id").asText()).isEqualTo("call_Qm3vT8sLp2Wc9YsHd4FjZaB1");
        assertThat(firstCall.path("function").path("name").asText()).isEqualTo("get_weather");
        assertThat(reply.finishReasons()).isEmpty();
        assertThat(reply.endsWithDone()).isFalse();
        assertThat(reply.error()).hasValueSatisfying(error -> {
            assertThat(error.path("code").asText()).isEqualTo("stream_interrupted");
            assertThat(error.path("message").asText()).contains("tool calls");
        });
        assertThat(provider.received(COMPATIBLE_CHAT)).as("a tool call is never continued by a prefill").isEmpty();
    }

    @Test
    void aToolStreamThatFailsBeforeAnythingWentOutMovesToTheNextRouteInvisibly() {
        provider.on(OPENAI_CHAT, Script.status(500, Fixtures.text("openai/error-server.json")));
        provider.on(COMPATIBLE_CHAT, Script.stream().events(toolEvents(-1)).end());

        StreamedReply reply = StreamedReply.post(withTools(streamed("gpt-4o", StreamingProfile.VLLM)));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("x-switchboard-route")).isEqualTo(StreamingProfile.VLLM);
        assertThat(reply.finishReasons()).containsExactly("tool_calls");
        assertThat(reply.endsWithDone()).isTrue();
        StringBuilder arguments = new StringBuilder();
        reply.chunks().forEach(chunk -> chunk.path("choices").path(0).path("delta").path("tool_calls")
                .forEach(call -> {
                    if (call.path("index").asInt() == 1) {
                        arguments.append(call.path("function").path("arguments").asText());
                    }
                }));
        assertThat(arguments.toString()).isEqualTo("{\"city\": \"Porto\"}");
        assertThat(provider.received(COMPATIBLE_CHAT).get(0).json().path("tools").size()).isEqualTo(1);
    }
}
