package dev.switchboard.provider.gemini;

import dev.switchboard.support.Fixtures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.switchboard.chat.ChatMessage;
import dev.switchboard.chat.ChatRequest;
import dev.switchboard.chat.ChatResult;
import dev.switchboard.chat.FinishReason;
import dev.switchboard.chat.Role;
import dev.switchboard.chat.Usage;
import dev.switchboard.provider.FailureKind;
import dev.switchboard.provider.ProviderFailure;
import dev.switchboard.provider.ProviderId;

class GeminiTranslatorTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String REQUESTED = "gemini-2.5-flash-requested";

    // --- Switchboard -> Gemini ---------------------------------------------------------------

    static Stream<Arguments> requests() {
        return Stream.of(
                Arguments.of("one user message", "generate-content-request-text.json",
                        ChatRequest.of(List.of(ChatMessage.of(Role.USER, "Write a story about a magic backpack.")))),
                Arguments.of("system and developer messages, anywhere, become one systemInstruction",
                        "generate-content-request-system-instruction.json",
                        ChatRequest.of(List.of(
                                ChatMessage.of(Role.SYSTEM, "You are a cat. Your name is Neko."),
                                ChatMessage.of(Role.USER, "Hello there"),
                                ChatMessage.of(Role.DEVELOPER, "Answer in one sentence."),
                                ChatMessage.of(Role.USER, "What is your name?")))),
                Arguments.of("user -> user, assistant -> model", "generate-content-request-multi-turn.json",
                        ChatRequest.of(List.of(
                                ChatMessage.of(Role.USER, "Hello"),
                                ChatMessage.of(Role.ASSISTANT, "Great to meet you. What would you like to know?"),
                                ChatMessage.of(Role.USER,
                                        "I have two dogs in my house. How many paws are in my house?")))),
                Arguments.of("consecutive same-role messages merge, keeping every part",
                        "generate-content-request-merged.json",
                        ChatRequest.of(List.of(
                                new ChatMessage(Role.USER, List.of("Here is a photo caption:", "A dog on a beach."),
                                        null),
                                new ChatMessage(Role.USER, List.of("Describe the scene."), "alice"),
                                ChatMessage.of(Role.ASSISTANT, "A dog runs along the shore."),
                                ChatMessage.of(Role.ASSISTANT, "Waves roll in behind it.")))),
                Arguments.of("sampling, limits, penalties; droppable extras and user left out",
                        "generate-content-request-generation-config.json",
                        new ChatRequest(List.of(ChatMessage.of(Role.USER, "Explain how AI works")),
                                1.0, 0.8, 800, List.of("Title"), 42L, "user-1234",
                                Map.of("presence_penalty", NODES.numberNode(0.5),
                                        "frequency_penalty", NODES.numberNode(-0.25),
                                        "metadata", NODES.objectNode().put("team", "search"),
                                        "store", NODES.booleanNode(true),
                                        "service_tier", NODES.textNode("auto")))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void translatesRequests(String description, String fixture, ChatRequest request) {
        assertEquals(Fixtures.json("gemini/" + fixture), Fixtures.wire(GeminiTranslator.toGemini(request)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void translationIsIdempotent(String description, String fixture, ChatRequest request) {
        assertEquals(GeminiTranslator.toGemini(request), GeminiTranslator.toGemini(request));
    }

    @Test
    void integerPenaltiesAreSentAsNumbers() {
        ChatRequest request = ChatRequest.of(List.of(ChatMessage.of(Role.USER, "hi")))
                .withExtraParams(Map.of("presence_penalty", NODES.numberNode(1)));
        JsonNode config = Fixtures.wire(GeminiTranslator.toGemini(request)).path("generationConfig");
        assertEquals(1.0, config.path("presencePenalty").doubleValue());
        assertTrue(config.path("frequencyPenalty").isMissingNode());
    }

    // --- Gemini -> Switchboard ---------------------------------------------------------------

    @Test
    void translatesTheReferenceResponse() {
        ChatResult result = fromFixture("generate-content-response.json", response -> { });
        assertEquals(new ChatResult("mAitaLmkHPPlz7IPvtfUqQ4", "gemini-2.5-flash",
                "AI learns patterns from data and uses them to make predictions.", FinishReason.STOP,
                new Usage(8, 12 + 990, 0, 0, 990)), result);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "STOP, STOP",
            "MAX_TOKENS, LENGTH",
            "SAFETY, CONTENT_FILTER",
            "RECITATION, CONTENT_FILTER",
            "BLOCKLIST, CONTENT_FILTER",
            "PROHIBITED_CONTENT, CONTENT_FILTER",
            "SPII, CONTENT_FILTER",
            "IMAGE_SAFETY, CONTENT_FILTER",
            "LANGUAGE, STOP",
            "OTHER, STOP",
            "MALFORMED_FUNCTION_CALL, STOP",
            "FINISH_REASON_UNSPECIFIED, STOP",
            "SOMETHING_NEW, STOP" })
    void mapsFinishReasons(String wire, FinishReason expected) {
        ChatResult result = fromFixture("generate-content-response.json",
                response -> candidate(response).put("finishReason", wire));
        assertEquals(expected, result.finishReason());
        assertEquals("AI learns patterns from data and uses them to make predictions.", result.content());
    }

    @Test
    void aMissingFinishReasonIsAStop() {
        ChatResult result = fromFixture("generate-content-response.json",
                response -> candidate(response).remove("finishReason"));
        assertEquals(FinishReason.STOP, result.finishReason());
    }

    static Stream<Arguments> responses() {
        return Stream.of(
                Arguments.of("text parts are concatenated",
                        edit(r -> parts(r).addObject().put("text", " Then it answers.")),
                        "AI learns patterns from data and uses them to make predictions. Then it answers.",
                        FinishReason.STOP, new Usage(8, 1002, 0, 0, 990), "gemini-2.5-flash"),
                Arguments.of("the requested model stands in for a missing modelVersion",
                        edit(r -> r.remove("modelVersion")),
                        "AI learns patterns from data and uses them to make predictions.",
                        FinishReason.STOP, new Usage(8, 1002, 0, 0, 990), REQUESTED),
                Arguments.of("no thoughtsTokenCount: completion is the candidates' tokens",
                        edit(r -> ((ObjectNode) r.path("usageMetadata")).remove("thoughtsTokenCount")),
                        "AI learns patterns from data and uses them to make predictions.",
                        FinishReason.STOP, new Usage(8, 12), "gemini-2.5-flash"),
                Arguments.of("no usageMetadata: no usage",
                        edit(r -> r.remove("usageMetadata")),
                        "AI learns patterns from data and uses them to make predictions.",
                        FinishReason.STOP, Usage.NONE, "gemini-2.5-flash"),
                Arguments.of("thinking used the whole output limit: an empty, truncated answer",
                        edit(r -> {
                            candidate(r).put("finishReason", "MAX_TOKENS");
                            ((ObjectNode) candidate(r).path("content")).remove("parts");
                        }),
                        "", FinishReason.LENGTH, new Usage(8, 1002, 0, 0, 990), "gemini-2.5-flash"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("responses")
    void translatesResponses(String description, Consumer<ObjectNode> edit, String content, FinishReason finish,
            Usage usage, String model) {
        ChatResult result = fromFixture("generate-content-response.json", edit);
        assertEquals(content, result.content());
        assertEquals(finish, result.finishReason());
        assertEquals(usage, result.usage());
        assertEquals(model, result.model());
    }

    @Test
    void aBlockedPromptIsContentFiltered() {
        ProviderFailure failure = assertThrows(ProviderFailure.class,
                () -> fromFixture("response-prompt-blocked.json", response -> { }));
        assertInstanceOf(ProviderFailure.ContentFiltered.class, failure);
        assertEquals(200, failure.status());
        assertEquals(ProviderId.GEMINI, failure.provider());
        assertTrue(failure.getMessage().contains("SAFETY"), failure.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = { "SAFETY", "RECITATION", "BLOCKLIST", "PROHIBITED_CONTENT", "SPII", "IMAGE_SAFETY" })
    void aSafetyStopWithoutTextIsContentFiltered(String finishReason) {
        ProviderFailure failure = assertThrows(ProviderFailure.class,
                () -> fromFixture("generate-content-response.json", response -> {
                    candidate(response).put("finishReason", finishReason);
                    candidate(response).remove("content");
                }));
        assertEquals(FailureKind.CONTENT_FILTERED, failure.kind());
        assertEquals(200, failure.status());
        assertTrue(failure.getMessage().contains(finishReason), failure.getMessage());
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("an empty object", edit(r -> r.removeAll())),
                Arguments.of("no candidates and no blockReason", edit(r -> r.putArray("candidates"))),
                Arguments.of("promptFeedback without blockReason", edit(r -> {
                    r.remove("candidates");
                    r.putObject("promptFeedback");
                })),
                Arguments.of("a null candidate", edit(r -> r.putArray("candidates").addNull())),
                Arguments.of("a candidate without content", edit(r -> candidate(r).remove("content"))),
                Arguments.of("content without parts", edit(r -> ((ObjectNode) candidate(r).path("content"))
                        .remove("parts"))),
                Arguments.of("empty parts", edit(r -> parts(r).removeAll())),
                // A function call without text is an answer (see GeminiToolCallsTest); other parts are not.
                Arguments.of("parts with neither text nor a function call", edit(r -> {
                    parts(r).removeAll();
                    parts(r).addObject().putObject("executableCode").put("language", "PYTHON").put("code", "1+1");
                })),
                Arguments.of("a function call without a name", edit(r -> {
                    parts(r).removeAll();
                    parts(r).addObject().putObject("functionCall").putObject("args");
                })),
                Arguments.of("a function call whose args are not an object", edit(r -> {
                    parts(r).removeAll();
                    parts(r).addObject().putObject("functionCall").put("name", "lookup").put("args", "city=Paris");
                })));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void rejectsMalformedResponses(String description, Consumer<ObjectNode> edit) {
        ProviderFailure failure = assertThrows(ProviderFailure.class,
                () -> fromFixture("generate-content-response.json", edit));
        assertInstanceOf(ProviderFailure.MalformedResponse.class, failure);
        assertEquals(ProviderId.GEMINI, failure.provider());
    }

    @Test
    void rejectsAMissingBody() {
        assertInstanceOf(ProviderFailure.MalformedResponse.class, assertThrows(ProviderFailure.class,
                () -> GeminiTranslator.fromGemini(null, ProviderId.GEMINI, REQUESTED)));
    }

    // --- helpers ------------------------------------------------------------------------------

    /** Gives a lambda its target type inside {@code Arguments.of}, which takes plain objects. */
    private static Consumer<ObjectNode> edit(Consumer<ObjectNode> edit) {
        return edit;
    }

    private static ChatResult fromFixture(String fixture, Consumer<ObjectNode> edit) {
        ObjectNode response = (ObjectNode) Fixtures.json("gemini/" + fixture);
        edit.accept(response);
        try {
            GeminiResponse typed = Fixtures.JSON.treeToValue(response, GeminiResponse.class);
            return GeminiTranslator.fromGemini(typed, ProviderId.GEMINI, REQUESTED);
        } catch (JsonProcessingException e) {
            throw new AssertionError("fixture does not bind to GeminiResponse", e);
        }
    }

    private static ObjectNode candidate(ObjectNode response) {
        return (ObjectNode) response.path("candidates").path(0);
    }

    private static ArrayNode parts(ObjectNode response) {
        return (ArrayNode) candidate(response).path("content").path("parts");
    }

    @Test
    void cachedContentIsTheCachedPartOfThePrompt() {
        // usageMetadata: promptTokenCount includes cachedContentTokenCount; thinking is billed as output.
        assertEquals(new Usage(5000, 120 + 30, 4096, 0, 30),
                GeminiTranslator.usage(new GeminiResponse.UsageMetadata(5000, 120, 5150, 30, 4096)));
    }
}
