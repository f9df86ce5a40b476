package dev.switchboard.provider.gemini;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import dev.switchboard.chat.ChatMessage;
import dev.switchboard.chat.ChatRequest;
import dev.switchboard.chat.ContentPart;
import dev.switchboard.chat.ImageSource;
import dev.switchboard.chat.ResponseFormat;
import dev.switchboard.chat.Role;
import dev.switchboard.chat.Tool;
import dev.switchboard.chat.Tools;
import dev.switchboard.support.Fixtures;

class GeminiAdapterTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<ChatMessage> CONVERSATION = List.of(ChatMessage.of(Role.USER, "hi"));

    /** {@code unsupported} reads only the request, so the adapter needs no client or endpoints here. */
    private final GeminiAdapter adapter = new GeminiAdapter(null, null);

    static Stream<Arguments> requests() {
        return Stream.of(
                Arguments.of("plain conversation", CONVERSATION, Map.of(), null),
                Arguments.of("penalties are translated", CONVERSATION,
                        Map.of("presence_penalty", NODES.numberNode(0.5), "frequency_penalty", NODES.numberNode(1)),
                        null),
                Arguments.of("droppable parameters are dropped", CONVERSATION,
                        Map.of("metadata", NODES.objectNode(), "store", NODES.booleanNode(false)), null),
                Arguments.of("a null penalty is as good as none", CONVERSATION,
                        Map.of("presence_penalty", NODES.nullNode()), null),
                Arguments.of("an untranslatable parameter", CONVERSATION,
                        Map.of("logit_bias", NODES.objectNode(), "presence_penalty", NODES.numberNode(0.1)),
                        "parameter 'logit_bias' is not supported by gemini"),
                Arguments.of("the first untranslatable parameter by name", CONVERSATION,
                        Map.of("tools", NODES.arrayNode(), "n", NODES.numberNode(2)),
                        "parameter 'n' is not supported by gemini"),
                Arguments.of("a penalty that is not a number", CONVERSATION,
                        Map.of("frequency_penalty", NODES.textNode("high")),
                        "parameter 'frequency_penalty' must be a number for gemini"),
                Arguments.of("instructions only", List.of(ChatMessage.of(Role.SYSTEM, "Be brief.")), Map.of(),
                        "gemini needs at least one user or assistant message"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void declinesWhatGeminiCannotServe(String description, List<ChatMessage> messages,
            Map<String, JsonNode> extras, String reason) {
        ChatRequest request = ChatRequest.of(messages).withExtraParams(extras);
        assertEquals(Optional.ofNullable(reason), adapter.unsupported(request));
    }

    private static final Tool LOOKUP = tool("lookup", "{\"type\":\"object\",\"properties\":{\"q\":{\"type\":\"string\"}}}");

    static Stream<Arguments> agenticRequests() {
        ChatRequest base = ChatRequest.of(CONVERSATION);
        return Stream.of(
                Arguments.of("tools with translatable schemas", base.withTools(new Tools(List.of(LOOKUP), null, null)),
                        null),
                Arguments.of("parallel calls allowed", base.withTools(new Tools(List.of(LOOKUP), null, true)), null),
                Arguments.of("parallel calls forbidden", base.withTools(new Tools(List.of(LOOKUP), null, false)),
                        "parallel_tool_calls=false is not supported by gemini"),
                Arguments.of("a tool schema Gemini cannot express, named by its path",
                        base.withTools(new Tools(List.of(LOOKUP, tool("pick",
                                "{\"type\":\"object\",\"properties\":{\"x\":{\"oneOf\":[{\"type\":\"string\"}]}}}")),
                                null, null)),
                        "tools[1].function.parameters.properties.x: JSON Schema keyword 'oneOf' cannot be translated"
                                + " for gemini"),
                Arguments.of("a JSON object answer", base.withFormat(ResponseFormat.JSON_OBJECT), null),
                Arguments.of("a response schema Gemini cannot express",
                        base.withFormat(new ResponseFormat(ResponseFormat.Kind.JSON_SCHEMA, "answer", null,
                                json("{\"type\":\"object\",\"$defs\":{}}"), true)),
                        "response_format.json_schema.schema: JSON Schema keyword '$defs' cannot be translated"
                                + " for gemini"),
                Arguments.of("images", ChatRequest.of(List.of(new ChatMessage(Role.USER,
                        List.of(new ContentPart.Image(new ImageSource.Remote("https://example.com/a.png"), "auto",
                                null)), null, List.of(), null))), null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("agenticRequests")
    void declinesToolsAndFormatsGeminiCannotHonour(String description, ChatRequest request, String reason) {
        assertEquals(Optional.ofNullable(reason), adapter.unsupported(request));
    }

    private static Tool tool(String name, String schema) {
        return new Tool(name, null, json(schema), null, null);
    }

    private static JsonNode json(String text) {
        try {
            return Fixtures.JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
