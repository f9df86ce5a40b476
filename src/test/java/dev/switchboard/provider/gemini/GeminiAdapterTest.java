package dev.switchboard.provider.gemini;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import dev.switchboard.chat.Role;

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
}
