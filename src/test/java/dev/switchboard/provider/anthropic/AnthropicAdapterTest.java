package dev.switchboard.provider.anthropic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;

import dev.switchboard.chat.ChatMessage;
import dev.switchboard.chat.ChatRequest;
import dev.switchboard.chat.Role;
import dev.switchboard.provider.ProviderId;
import dev.switchboard.provider.ProviderType;
import dev.switchboard.routing.Route;

class AnthropicAdapterTest {

    /** unsupported() reads only the request, so no client, endpoints or config are needed. */
    private final AnthropicAdapter adapter = new AnthropicAdapter(null, null, null);

    private static final List<ChatMessage> HELLO = List.of(ChatMessage.of(Role.USER, "Hello"));

    static Stream<Arguments> requests() {
        return Stream.of(
                arguments("a plain conversation", ChatRequest.of(HELLO), null),
                arguments("droppable extras only",
                        ChatRequest.of(HELLO).withExtraParams(Map.of("store", BooleanNode.TRUE)), null),
                arguments("an extra without equivalent",
                        ChatRequest.of(HELLO).withExtraParams(Map.of("logit_bias", IntNode.valueOf(1))),
                        "parameter 'logit_bias' is not supported by anthropic"),
                arguments("the first untranslatable extra by name",
                        ChatRequest.of(HELLO).withExtraParams(Map.of("tools", IntNode.valueOf(1),
                                "n", IntNode.valueOf(2), "store", BooleanNode.TRUE)),
                        "parameter 'n' is not supported by anthropic"),
                arguments("temperature 1 is Anthropic's maximum", ChatRequest.of(HELLO).withTemperature(1.0), null),
                arguments("temperature above 1", ChatRequest.of(HELLO).withTemperature(1.2),
                        "temperature above 1 is not supported by anthropic"),
                arguments("instructions only",
                        ChatRequest.of(List.of(ChatMessage.of(Role.SYSTEM, "Be brief."),
                                ChatMessage.of(Role.DEVELOPER, "Use French."))),
                        "anthropic needs at least one user or assistant message"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void declinesWhatItCannotTranslate(String why, ChatRequest request, String reason) {
        assertEquals(Optional.ofNullable(reason), adapter.unsupported(request));
    }

    static Stream<Arguments> maxTokens() {
        return Stream.of(
                arguments("the provider default when nobody sets one", null, Optional.empty(), 4096),
                arguments("the route's limit over the default", null, Optional.of(2048), 2048),
                arguments("the caller's limit over the route's", 300, Optional.of(2048), 300),
                arguments("the caller's limit over the default", 300, Optional.empty(), 300));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("maxTokens")
    void choosesMaxTokens(String why, Integer requested, Optional<Integer> routeLimit, int expected) {
        ChatRequest request = ChatRequest.of(HELLO).withMaxTokens(requested);
        Route route = new Route("claude", ProviderId.ANTHROPIC, "claude-sonnet-4-5", BigDecimal.ONE, BigDecimal.ONE,
                Optional.empty(), 200_000, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), routeLimit);
        assertEquals(expected, AnthropicAdapter.maxTokens(request, route, 4096));
    }

    @Test
    void isAnthropic() {
        assertEquals(ProviderType.ANTHROPIC, adapter.type());
    }
}
