package dev.switchboard.provider.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

import dev.switchboard.chat.CacheHint;
import dev.switchboard.chat.ChatMessage;
import dev.switchboard.chat.ChatRequest;
import dev.switchboard.chat.ChatResult;
import dev.switchboard.chat.ContentPart;
import dev.switchboard.chat.FinishReason;
import dev.switchboard.chat.ImageSource;
import dev.switchboard.chat.ResponseFormat;
import dev.switchboard.chat.Role;
import dev.switchboard.chat.Tool;
import dev.switchboard.chat.ToolCall;
import dev.switchboard.chat.ToolChoice;
import dev.switchboard.chat.Tools;
import dev.switchboard.chat.Usage;
import dev.switchboard.provider.ProviderFailure;
import dev.switchboard.provider.ProviderId;
import dev.switchboard.support.Fixtures;

/** Tools, tool turns, images and response formats to the Chat Completions wire format and back. */
class OpenAiTranslatorTest {

    private static final JsonNode WEATHER_SCHEMA = Fixtures.wire(java.util.Map.of("type", "object", "properties",
            java.util.Map.of("city", java.util.Map.of("type", "string")), "required", List.of("city")));
    private static final Tool WEATHER = new Tool("get_weather", "Current weather", WEATHER_SCHEMA, true, CacheHint.EPHEMERAL);
    private static final ChatMessage USER = ChatMessage.of(Role.USER, "Weather in Lisbon?");
    private static final ToolCall CALL = new ToolCall("call_1", "get_weather", "{\"city\":\"Lisbon\"}");

    private static JsonNode sent(ChatRequest request, ProviderId dialect) {
        return Fixtures.wire(OpenAiTranslator.toOpenAi(request, "gpt-4o", dialect.type()));
    }

    static Stream<Arguments> toolChoices() {
        return Stream.of(
                Arguments.of(ToolChoice.AUTO, "\"auto\""),
                Arguments.of(ToolChoice.NONE, "\"none\""),
                Arguments.of(ToolChoice.REQUIRED, "\"required\""),
                Arguments.of(ToolChoice.function("get_weather"), "{\"type\":\"function\",\"function\":{\"name\":\"get_weather\"}}"));
    }

    @ParameterizedTest
    @MethodSource("toolChoices")
    void toolsAndTheChoiceGoOutAsOpenAiDefinesThem(ToolChoice choice, String wireChoice) {
        JsonNode body = sent(ChatRequest.of(List.of(USER)).withTools(new Tools(List.of(WEATHER), choice, false)),
                ProviderId.OPENAI);
        assertThat(body.path("tools").toString()).isEqualTo("[{\"type\":\"function\",\"function\":{\"name\":\"get_weather\","
                + "\"description\":\"Current weather\",\"parameters\":" + WEATHER_SCHEMA + ",\"strict\":true}}]");
        assertThat(body.path("tool_choice").toString()).isEqualTo(wireChoice);
        assertThat(body.path("parallel_tool_calls").asBoolean(true)).isFalse();
    }

    @Test
    void noToolsMeansNoToolFields() {
        JsonNode body = sent(ChatRequest.of(List.of(USER)), ProviderId.OPENAI);
        assertThat(body.has("tools")).isFalse();
        assertThat(body.has("tool_choice")).isFalse();
        assertThat(body.has("parallel_tool_calls")).isFalse();
        assertThat(body.has("response_format")).isFalse();
    }

    @Test
    void aToolConversationKeepsItsCallsAndResults() {
        ChatRequest request = ChatRequest.of(List.of(USER, ChatMessage.calling(List.of(), List.of(CALL)),
                ChatMessage.toolResult("call_1", "18C"))).withTools(new Tools(List.of(WEATHER), null, null));
        JsonNode messages = sent(request, ProviderId.OPENAI_COMPATIBLE).path("messages");
        assertThat(messages.get(1).toString()).isEqualTo("{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":"
                + "\"call_1\",\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"arguments\":\"{\\\"city\\\":\\\"Lisbon\\\"}\"}}]}");
        assertThat(messages.get(2).toString()).isEqualTo("{\"role\":\"tool\",\"content\":\"18C\",\"tool_call_id\":\"call_1\"}");
    }

    @Test
    void anIdOpenAiWouldRefuseIsReplacedTheSameWayInTheCallAndItsResult() {
        String geminiId = "call_sim_0__ts_" + "Q2lrZ0FWU29wN0Q".repeat(4);
        ToolCall call = new ToolCall(geminiId, "get_weather", "{}");
        JsonNode messages = sent(ChatRequest.of(List.of(USER, ChatMessage.calling(List.of(), List.of(call)),
                ChatMessage.toolResult(geminiId, "18C"))), ProviderId.OPENAI).path("messages");
        String sentId = messages.get(1).path("tool_calls").get(0).path("id").asText();
        assertThat(sentId).hasSizeLessThanOrEqualTo(40).matches("call_[0-9a-f]{32}");
        assertThat(messages.get(2).path("tool_call_id").asText()).isEqualTo(sentId);
    }

    @Test
    void imagesGoOutAsImageUrlPartsWithTheirDetailAndWithoutCacheHints() {
        ChatMessage message = new ChatMessage(Role.USER, List.of(new ContentPart.Text("Compare", CacheHint.EPHEMERAL),
                new ContentPart.Image(new ImageSource.Remote("https://example.com/cat.png"), "low", null),
                new ContentPart.Image(new ImageSource.Inline("image/png", "iVBORw0KGgo="), null, null)), null, List.of(), null);
        JsonNode content = sent(ChatRequest.of(List.of(message)), ProviderId.OPENAI).path("messages").get(0).path("content");
        assertThat(content.toString()).isEqualTo("[{\"type\":\"text\",\"text\":\"Compare\"},"
                + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://example.com/cat.png\",\"detail\":\"low\"}},"
                + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"data:image/png;base64,iVBORw0KGgo=\"}}]");
    }

    @Test
    void responseFormatsGoOutAsSent() {
        ChatRequest request = ChatRequest.of(List.of(USER));
        assertThat(sent(request.withFormat(ResponseFormat.JSON_OBJECT), ProviderId.OPENAI).path("response_format")
                .toString()).isEqualTo("{\"type\":\"json_object\"}");
        ResponseFormat schema = new ResponseFormat(ResponseFormat.Kind.JSON_SCHEMA, "city", "A city", WEATHER_SCHEMA, true);
        assertThat(sent(request.withFormat(schema), ProviderId.OPENAI).path("response_format").toString())
                .isEqualTo("{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"city\",\"description\":\"A city\","
                        + "\"schema\":" + WEATHER_SCHEMA + ",\"strict\":true}}");
    }

    @Test
    void anAnswerWithToolCallsHasThemInOrderAndNoText() {
        ChatResult result = OpenAiTranslator.fromOpenAi(
                Fixtures.read("openai/chat-completion-tool-calls.json", OpenAiChatResponse.class), ProviderId.OPENAI);
        assertThat(result).isEqualTo(new ChatResult("chatcmpl-Bx7kQm2VnR8tLp4Wc9YsHd3FjZa", "gpt-4o-2024-08-06", "",
                FinishReason.TOOL_CALLS, new Usage(82, 51), List.of(
                        new ToolCall("call_Qm3vT8sLp2Wc9YsHd4FjZaB1", "get_weather", "{\"city\":\"Lisbon\",\"unit\":\"celsius\"}"),
                        new ToolCall("call_Rn4wU9tMq3Xd0ZtIe5GkAbC2", "get_weather", "{\"city\":\"Porto\",\"unit\":\"celsius\"}"))));
    }

    @Test
    void aToolCallWithoutAnIdIsAMalformedAnswer() {
        String body = Fixtures.text("openai/chat-completion-tool-calls.json").replace("\"id\": \"call_Qm3vT8sLp2Wc9YsHd4FjZaB1\",", "");
        OpenAiChatResponse response;
        try {
            response = Fixtures.JSON.readValue(body, OpenAiChatResponse.class);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThatThrownBy(() -> OpenAiTranslator.fromOpenAi(response, ProviderId.OPENAI))
                .isInstanceOf(ProviderFailure.MalformedResponse.class).hasMessageContaining("tool_calls[0]");
    }
}
