package dev.switchboard.degraded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.switchboard.chat.ChatMessage;
import dev.switchboard.chat.ChatRequest;
import dev.switchboard.chat.ContentPart;
import dev.switchboard.chat.ImageSource;
import dev.switchboard.chat.ResponseFormat;
import dev.switchboard.chat.Role;
import dev.switchboard.chat.Tool;
import dev.switchboard.chat.ToolCall;
import dev.switchboard.chat.ToolChoice;
import dev.switchboard.chat.Tools;

/** Requests that must get the same answer share a key; any difference that changes the answer parts them. */
class RequestKeyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ChatRequest HELLO = ChatRequest.of(List.of(ChatMessage.of(Role.SYSTEM, "Be brief."),
            ChatMessage.of(Role.USER, "Say hi")));

    private static RequestKey key(ChatRequest request) {
        return RequestKey.of("key-1", "gpt-4o", request);
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static ChatRequest with(ChatRequest request, Map<String, JsonNode> extra) {
        return request.withExtraParams(extra);
    }

    @Test
    void theSameRequestHasTheSameKey() {
        assertThat(key(HELLO)).isEqualTo(key(ChatRequest.of(List.of(ChatMessage.of(Role.SYSTEM, "Be brief."),
                ChatMessage.of(Role.USER, "Say hi")))));
    }

    @Test
    void theKeyHoldsTheCallerAndAHashNeverTheConversation() {
        RequestKey key = key(HELLO);

        assertThat(key.caller()).isEqualTo("key-1");
        assertThat(key.digest()).matches("[0-9a-f]{64}").doesNotContain("hi");
    }

    @Test
    void otherCallersAndModelsHaveOtherKeys() {
        assertThat(RequestKey.of("key-2", "gpt-4o", HELLO)).isNotEqualTo(key(HELLO));
        assertThat(RequestKey.of("key-1", "claude-sonnet", HELLO)).isNotEqualTo(key(HELLO));
    }

    @Test
    void everyPartOfTheConversationCounts() {
        RequestKey hello = key(HELLO);

        assertThat(key(ChatRequest.of(List.of(ChatMessage.of(Role.USER, "Say hi"))))).isNotEqualTo(hello);
        assertThat(key(ChatRequest.of(List.of(ChatMessage.of(Role.DEVELOPER, "Be brief."),
                ChatMessage.of(Role.USER, "Say hi"))))).isNotEqualTo(hello);
        assertThat(key(ChatRequest.of(List.of(ChatMessage.of(Role.SYSTEM, "Be brief."),
                new ChatMessage(Role.USER, List.of("Say hi"), "ann"))))).isNotEqualTo(hello);
        assertThat(key(ChatRequest.of(List.of(ChatMessage.of(Role.SYSTEM, "Be brief."),
                ChatMessage.of(Role.USER, "Say hi!"))))).isNotEqualTo(hello);
    }

    @Test
    void partBoundariesCannotBeForged() {
        ChatRequest split = ChatRequest.of(List.of(new ChatMessage(Role.USER, List.of("ab", "c"), null)));
        ChatRequest moved = ChatRequest.of(List.of(new ChatMessage(Role.USER, List.of("a", "bc"), null)));

        assertThat(key(split)).isNotEqualTo(key(moved));
    }

    @Test
    void theParametersThatChangeTheAnswerCount() {
        RequestKey hello = key(HELLO);

        assertThat(key(HELLO.withTemperature(0.2))).isNotEqualTo(hello).isNotEqualTo(key(HELLO.withTemperature(0.3)));
        assertThat(key(HELLO.withMaxTokens(64))).isNotEqualTo(hello);
        assertThat(key(HELLO.withStop(List.of("\n")))).isNotEqualTo(hello);
        assertThat(key(new ChatRequest(HELLO.messages(), null, 0.5, null, List.of(), null, null, Map.of())))
                .isNotEqualTo(hello);
        assertThat(key(new ChatRequest(HELLO.messages(), null, null, null, List.of(), 7L, null, Map.of())))
                .isNotEqualTo(hello);
        assertThat(key(with(HELLO, Map.of("response_format", json("{\"type\":\"json_object\"}")))))
                .isNotEqualTo(hello);
        assertThat(key(with(HELLO, Map.of("presence_penalty", json("0.5"))))).isNotEqualTo(hello);
    }

    @Test
    void whatDoesNotChangeTheAnswerIsLeftOut() {
        RequestKey hello = key(HELLO);

        assertThat(key(new ChatRequest(HELLO.messages(), null, null, null, List.of(), null, "end-user-42", Map.of())))
                .isEqualTo(hello);
        assertThat(key(with(HELLO, Map.of("metadata", json("{\"team\":\"a\"}"), "stream_options",
                json("{\"include_usage\":true}"), "store", json("true"))))).isEqualTo(hello);
    }

    @Test
    void theOrderOfAnObjectsMembersDoesNotMatter() {
        RequestKey written = key(with(HELLO, Map.of("response_format",
                json("{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"a\",\"strict\":true}}"))));
        RequestKey reordered = key(with(HELLO, Map.of("response_format",
                json("{\"json_schema\":{\"strict\":true,\"name\":\"a\"},\"type\":\"json_schema\"}"))));

        assertThat(written).isEqualTo(reordered);
    }

    @Test
    void toolsTheirChoiceToolTurnsImagesAndTheFormatAllPartKeys() {
        Tool weather = new Tool("get_weather", null, json("{\"type\":\"object\",\"properties\":{\"city\":{}}}"), null, null);
        Tool time = new Tool("get_time", null, json("{\"type\":\"object\"}"), null, null);
        ChatRequest withTools = HELLO.withTools(new Tools(List.of(weather), null, null));
        ToolCall call = new ToolCall("call_1", "get_weather", "{\"city\":\"Lisbon\"}");
        ChatRequest answered = ChatRequest.of(List.of(ChatMessage.of(Role.USER, "Weather?"),
                ChatMessage.calling(List.of(), List.of(call)), ChatMessage.toolResult("call_1", "18C")));
        ChatRequest image = ChatRequest.of(List.of(new ChatMessage(Role.USER, List.of(new ContentPart.Text("Say hi"),
                new ContentPart.Image(new ImageSource.Remote("https://example.com/a.png"), null, null)), null, List.of(), null)));

        assertThat(key(withTools)).isNotEqualTo(key(HELLO))
                .isNotEqualTo(key(HELLO.withTools(new Tools(List.of(time), null, null))))
                .isNotEqualTo(key(HELLO.withTools(new Tools(List.of(weather), ToolChoice.REQUIRED, null))))
                .isNotEqualTo(key(HELLO.withTools(new Tools(List.of(weather), null, false))))
                .isEqualTo(key(HELLO.withTools(new Tools(List.of(new Tool("get_weather", null,
                        json("{\"properties\":{\"city\":{}},\"type\":\"object\"}"), null, null)), null, null))));
        assertThat(key(answered)).isNotEqualTo(key(ChatRequest.of(List.of(ChatMessage.of(Role.USER, "Weather?"),
                ChatMessage.calling(List.of(), List.of(call)), ChatMessage.toolResult("call_1", "25C")))));
        assertThat(key(image)).isNotEqualTo(key(ChatRequest.of(List.of(ChatMessage.of(Role.USER, "Say hi")))));
        assertThat(key(HELLO.withFormat(ResponseFormat.JSON_OBJECT))).isNotEqualTo(key(HELLO));
    }
}
