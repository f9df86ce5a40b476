package dev.switchboard.provider.anthropic;

import dev.switchboard.support.Fixtures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;

import dev.switchboard.chat.ChatMessage;
import dev.switchboard.chat.ChatRequest;
import dev.switchboard.chat.ChatResult;
import dev.switchboard.chat.FinishReason;
import dev.switchboard.chat.Role;
import dev.switchboard.chat.ThinkingBlock;
import dev.switchboard.chat.ToolCall;
import dev.switchboard.chat.Usage;
import dev.switchboard.provider.FailureKind;
import dev.switchboard.provider.ProviderFailure;
import dev.switchboard.provider.ProviderId;
import dev.switchboard.provider.anthropic.AnthropicRequest.Message;
import dev.switchboard.provider.anthropic.AnthropicRequest.Metadata;
import dev.switchboard.provider.anthropic.AnthropicRequest.Block;
import dev.switchboard.provider.anthropic.AnthropicResponse.ContentBlock;

class AnthropicTranslatorTest {

    private static final String MODEL = "claude-sonnet-4-5";

    // ---------------------------------------------------------------- request: structure

    static Stream<Arguments> requests() {
        return Stream.of(
                arguments("a lone user message becomes one text block, with no system",
                        ChatRequest.of(List.of(user("Hi"))),
                        request(null, List.of(turn("user", "Hi")))),
                arguments("a leading system message becomes the system prompt",
                        ChatRequest.of(List.of(system("Be brief."), user("Hi"))),
                        request("Be brief.", List.of(turn("user", "Hi")))),
                arguments("a developer message is an instruction too",
                        ChatRequest.of(List.of(developer("Answer in French."), user("Hi"))),
                        request("Answer in French.", List.of(turn("user", "Hi")))),
                arguments("instructions anywhere join in order, and the users they separated merge",
                        ChatRequest.of(List.of(system("Be brief."), user("Hi"), developer("Use French."),
                                user("How are you?"), assistant("Bien."), system("Stay polite."))),
                        request("Be brief.\n\nUse French.\n\nStay polite.", List.of(
                                turn("user", "Hi", "How are you?"), turn("assistant", "Bien.")))),
                arguments("a multi-part instruction keeps its parts on separate lines",
                        ChatRequest.of(List.of(new ChatMessage(Role.SYSTEM, List.of("Rule one.", "Rule two."), null),
                                system("Rule three."), user("Go"))),
                        request("Rule one.\nRule two.\n\nRule three.", List.of(turn("user", "Go")))),
                arguments("consecutive user and assistant messages merge into one turn each",
                        ChatRequest.of(List.of(user("a"), user("b"), assistant("c"), assistant("d"), user("e"))),
                        request(null, List.of(turn("user", "a", "b"), turn("assistant", "c", "d"),
                                turn("user", "e")))),
                arguments("each part of a multi-part message is its own text block",
                        ChatRequest.of(List.of(new ChatMessage(Role.USER, List.of("Look:", "x = 1", "Why?"), "ann"))),
                        request(null, List.of(turn("user", "Look:", "x = 1", "Why?")))),
                arguments("merging keeps every part of both messages, in order",
                        ChatRequest.of(List.of(new ChatMessage(Role.USER, List.of("p1", "p2"), null),
                                new ChatMessage(Role.USER, List.of("p3", "p4"), null))),
                        request(null, List.of(turn("user", "p1", "p2", "p3", "p4")))),
                arguments("temperature and top_p pass through",
                        new ChatRequest(List.of(user("Hi")), 0.3, 0.8, null, List.of(), null, null, Map.of()),
                        new AnthropicRequest(MODEL, 1000, null, List.of(turn("user", "Hi")), 0.3, 0.8, null, null,
                                null)),
                arguments("stop becomes stop_sequences",
                        ChatRequest.of(List.of(user("Count"))).withStop(List.of("5", "\n\n")),
                        new AnthropicRequest(MODEL, 1000, null, List.of(turn("user", "Count")), null, null,
                                List.of("5", "\n\n"), null, null)),
                arguments("user becomes metadata.user_id",
                        new ChatRequest(List.of(user("Hi")), null, null, null, List.of(), null, "user-42", Map.of()),
                        new AnthropicRequest(MODEL, 1000, null, List.of(turn("user", "Hi")), null, null, null,
                                new Metadata("user-42"), null)),
                arguments("seed and droppable extras are dropped; OpenAI's metadata never replaces user_id",
                        new ChatRequest(List.of(user("Hi")), null, null, null, List.of(), 7L, "user-42",
                                Map.of("store", BooleanNode.TRUE, "service_tier", TextNode.valueOf("flex"),
                                        "metadata", JsonNodeFactory.instance.objectNode().put("team", "x"))),
                        new AnthropicRequest(MODEL, 1000, null, List.of(turn("user", "Hi")), null, null, null,
                                new Metadata("user-42"), null)),
                arguments("max_tokens is the limit the adapter chose, not the caller's field",
                        ChatRequest.of(List.of(user("Hi"))).withMaxTokens(50),
                        request(null, List.of(turn("user", "Hi")))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void translatesRequest(String why, ChatRequest request, AnthropicRequest expected) {
        assertEquals(expected, AnthropicTranslator.toAnthropic(request, MODEL, 1000));
    }

    // ---------------------------------------------------------------- request: wire JSON

    static Stream<Arguments> requestFixtures() {
        return Stream.of(
                arguments("messages-request-basic.json", ChatRequest.of(List.of(user("Hello, world"))),
                        "claude-sonnet-4-5", 1024),
                arguments("messages-request-full.json",
                        new ChatRequest(List.of(
                                system("You are a geography tutor."),
                                user("What is the capital of France?"),
                                assistant("Paris."),
                                user("And of Italy?"),
                                developer("Answer in one word."),
                                new ChatMessage(Role.USER, List.of("Also, of Spain?", "And of Portugal?"), null)),
                                0.7, 0.9, 200, List.of("\n\nHuman:", "END"), 1234L,
                                "13803d75-b4b5-4c3e-b2a2-6f21399b021b",
                                Map.of("store", BooleanNode.FALSE, "stream_options",
                                        JsonNodeFactory.instance.objectNode().put("include_usage", true))),
                        "claude-sonnet-4-5", 512),
                arguments("messages-request-merged-turns.json",
                        ChatRequest.of(List.of(user("Here is a poem."), user("Roses are red."),
                                assistant("A classic opening."), assistant("Shall I continue it?"),
                                user("Yes, please."))),
                        "claude-haiku-4-5", 4096));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requestFixtures")
    void serializesLikeTheReference(String fixture, ChatRequest request, String model, int maxTokens) {
        JsonNode sent = Fixtures.wire(AnthropicTranslator.toAnthropic(request, model, maxTokens));
        assertEquals(Fixtures.json("anthropic/" + fixture), sent);
    }

    @Test
    void sendsNoNullField() {
        JsonNode sent = Fixtures.wire(AnthropicTranslator.toAnthropic(ChatRequest.of(List.of(user("Hi"))), MODEL, 1));
        Set<String> names = new HashSet<>();
        sent.fieldNames().forEachRemaining(names::add);
        assertEquals(Set.of("model", "max_tokens", "messages"), names);
        assertFalse(sent.toString().contains("null"), sent::toString);
    }

    @Test
    void translatingTwiceSendsTheSameBodyAndLeavesTheRequestAlone() {
        ChatRequest request = new ChatRequest(List.of(system("s"), user("a"), user("b")), 0.5, null, null,
                List.of("x"), 3L, "u", Map.of("store", BooleanNode.TRUE));
        ChatRequest copy = new ChatRequest(request.messages(), request.temperature(), request.topP(),
                request.maxTokens(), request.stop(), request.seed(), request.user(), request.extraParams());
        AnthropicRequest first = AnthropicTranslator.toAnthropic(request, MODEL, 10);
        AnthropicRequest second = AnthropicTranslator.toAnthropic(request, MODEL, 10);
        assertEquals(first, second);
        assertEquals(Fixtures.wire(first), Fixtures.wire(second));
        assertEquals(copy, request);
    }

    // ---------------------------------------------------------------- response

    static Stream<Arguments> responseFixtures() {
        return Stream.of(
                arguments("messages-response.json", new ChatResult("msg_013Zva2CMHLNnXjNJJKqJ2EF",
                        "claude-sonnet-4-5-20250929", "Hi! My name is Claude.", FinishReason.STOP,
                        new Usage(2095, 503))),
                arguments("messages-response-cached.json", new ChatResult("msg_01Kx8zV4bPq2mTnR7sWcYd3E",
                        "claude-sonnet-4-5-20250929",
                        "The contract's termination clause requires 30 days' written notice.", FinishReason.LENGTH,
                        new Usage(21 + 1890 + 12060, 393, 12060, 1890, 0))),
                arguments("messages-response-mixed-blocks.json", new ChatResult("msg_01Aq9w3nN8tVv5ZkX7yHjB2c",
                        "claude-sonnet-4-5-20250929", "Let me check the weather in Paris.", FinishReason.TOOL_CALLS,
                        new Usage(472, 91), List.of(new ToolCall("toolu_01A09q90qw90lq917835lq9", "get_weather",
                                "{\"location\":\"Paris, France\"}")), null,
                        List.of(new ThinkingBlock("The user wants the weather; I should call the tool.",
                                "EqQBCgIYAhIM1gbcDa9GJwZA2b3hGgxBdjrkzLoky3dl1pkiMOYds", null)))),
                arguments("messages-response-stop-sequence.json", new ChatResult("msg_01Gm5rX2cT7pLqW9sZ4vNb8A",
                        "claude-haiku-4-5-20251001", "1. Apples\n2. Pears\n", FinishReason.STOP,
                        new Usage(18, 12))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("responseFixtures")
    void translatesResponse(String fixture, ChatResult expected) {
        AnthropicResponse response = Fixtures.read("anthropic/" + fixture, AnthropicResponse.class);
        assertEquals(expected, AnthropicTranslator.fromAnthropic(response, ProviderId.ANTHROPIC));
    }

    static Stream<Arguments> stopReasons() {
        return Stream.of(
                arguments("end_turn", FinishReason.STOP),
                arguments("stop_sequence", FinishReason.STOP),
                arguments("pause_turn", FinishReason.STOP),
                arguments("max_tokens", FinishReason.LENGTH),
                arguments("model_context_window_exceeded", FinishReason.LENGTH),
                arguments("tool_use", FinishReason.TOOL_CALLS),
                arguments("refusal", FinishReason.CONTENT_FILTER),
                arguments("a_reason_added_later", FinishReason.STOP),
                arguments(null, FinishReason.STOP));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("stopReasons")
    void mapsStopReason(String stopReason, FinishReason expected) {
        AnthropicResponse response = new AnthropicResponse("msg_1", "message", "assistant", MODEL,
                List.of(new ContentBlock("text", "ok")), stopReason, null, null);
        assertEquals(expected, AnthropicTranslator.fromAnthropic(response, ProviderId.ANTHROPIC).finishReason());
    }

    static Stream<Arguments> usages() {
        return Stream.of(
                arguments("no usage at all", null, Usage.NONE),
                arguments("input and output only", new AnthropicResponse.Usage(10, 5, null, null), new Usage(10, 5)),
                arguments("cache writes count as prompt", new AnthropicResponse.Usage(10, 5, 100, null),
                        new Usage(110, 5, 0, 100, 0)),
                arguments("cache reads count as prompt, and as its cached part", new AnthropicResponse.Usage(10, 5, null, 1000),
                        new Usage(1010, 5, 1000)),
                arguments("all three input counts add up", new AnthropicResponse.Usage(3, 7, 200, 4000),
                        new Usage(4203, 7, 4000, 200, 0)),
                arguments("missing counts are zero", new AnthropicResponse.Usage(null, null, null, null), Usage.NONE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("usages")
    void countsUsage(String why, AnthropicResponse.Usage usage, Usage expected) {
        AnthropicResponse response = new AnthropicResponse("msg_1", "message", "assistant", MODEL,
                List.of(new ContentBlock("text", "ok")), "end_turn", null, usage);
        assertEquals(expected, AnthropicTranslator.fromAnthropic(response, ProviderId.ANTHROPIC).usage());
    }

    @Test
    void keepsOnlyTextBlocksInOrder() {
        AnthropicResponse response = new AnthropicResponse("msg_1", "message", "assistant", MODEL, List.of(
                new ContentBlock("text", "one "), new ContentBlock("thinking", null),
                new ContentBlock("redacted_thinking", null), new ContentBlock("text", null),
                new ContentBlock("text", "two"),
                new ContentBlock("tool_use", null, "toolu_1", "f", null, null, null, null)), "end_turn", null, null);
        assertEquals("one two", AnthropicTranslator.fromAnthropic(response, ProviderId.ANTHROPIC).content());
    }

    @Test
    void anEmptyContentArrayIsAnEmptyAnswer() {
        AnthropicResponse response = new AnthropicResponse("msg_1", "message", "assistant", MODEL, List.of(),
                "refusal", null, null);
        ChatResult result = AnthropicTranslator.fromAnthropic(response, ProviderId.ANTHROPIC);
        assertEquals("", result.content());
        assertEquals(FinishReason.CONTENT_FILTER, result.finishReason());
    }

    static Stream<Arguments> malformed() {
        List<ContentBlock> text = List.of(new ContentBlock("text", "ok"));
        return Stream.of(
                arguments("no body", null, "empty"),
                arguments("content missing",
                        new AnthropicResponse("msg_1", "message", "assistant", MODEL, null, "end_turn", null, null),
                        "content"),
                arguments("model missing",
                        new AnthropicResponse("msg_1", "message", "assistant", null, text, "end_turn", null, null),
                        "model"),
                arguments("type missing",
                        new AnthropicResponse("msg_1", null, "assistant", MODEL, text, "end_turn", null, null),
                        "type"),
                arguments("type is not message",
                        new AnthropicResponse("msg_1", "completion", "assistant", MODEL, text, "end_turn", null, null),
                        "completion"),
                arguments("an error body sent with a success status",
                        Fixtures.read("anthropic/error-overloaded.json", AnthropicResponse.class), "error"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void rejectsWhatIsNotAMessage(String why, AnthropicResponse response, String mentioned) {
        ProviderFailure failure = assertThrows(ProviderFailure.MalformedResponse.class,
                () -> AnthropicTranslator.fromAnthropic(response, ProviderId.ANTHROPIC));
        assertEquals(FailureKind.MALFORMED_RESPONSE, failure.kind());
        assertEquals(ProviderId.ANTHROPIC, failure.provider());
        assertTrue(failure.getMessage().contains(mentioned), failure::getMessage);
    }

    // ---------------------------------------------------------------- helpers

    private static AnthropicRequest request(String system, List<Message> messages) {
        return new AnthropicRequest(MODEL, 1000, system, messages, null, null, null, null, null);
    }

    private static Message turn(String role, String... texts) {
        return new Message(role, Stream.of(texts).map(Block::of).toList());
    }

    private static ChatMessage system(String text) {
        return ChatMessage.of(Role.SYSTEM, text);
    }

    private static ChatMessage developer(String text) {
        return ChatMessage.of(Role.DEVELOPER, text);
    }

    private static ChatMessage user(String text) {
        return ChatMessage.of(Role.USER, text);
    }

    private static ChatMessage assistant(String text) {
        return ChatMessage.of(Role.ASSISTANT, text);
    }
}
