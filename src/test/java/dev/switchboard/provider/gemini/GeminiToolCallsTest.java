package dev.switchboard.provider.gemini;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

import dev.switchboard.chat.ChatMessage;
import dev.switchboard.chat.ChatRequest;
import dev.switchboard.chat.ChatResult;
import dev.switchboard.chat.CacheHint;
import dev.switchboard.chat.ContentPart;
import dev.switchboard.chat.FinishReason;
import dev.switchboard.chat.ImageSource;
import dev.switchboard.chat.ResponseFormat;
import dev.switchboard.chat.Role;
import dev.switchboard.chat.StreamEvent;
import dev.switchboard.chat.StreamEvent.Finished;
import dev.switchboard.chat.StreamEvent.Started;
import dev.switchboard.chat.StreamEvent.Text;
import dev.switchboard.chat.StreamEvent.ToolCallArguments;
import dev.switchboard.chat.StreamEvent.ToolCallStarted;
import dev.switchboard.chat.StreamEvent.UsageReported;
import dev.switchboard.chat.Tool;
import dev.switchboard.chat.ToolCall;
import dev.switchboard.chat.ToolChoice;
import dev.switchboard.chat.Tools;
import dev.switchboard.chat.Usage;
import dev.switchboard.provider.ProviderId;
import dev.switchboard.support.Fixtures;

/** Tools, images and structured outputs, to and from Gemini's generateContent, whole and streamed. */
class GeminiToolCallsTest {

    private static final String REQUESTED = "gemini-2.5-flash-requested";

    /** The signatures in the fixtures, as Gemini sent them. */
    private static final String LIGHTS_SIGNATURE =
            "CiwBVKhc7nRyTi3HmggPD9iQiRc261f5jwuMdw3H/itDH0emsb9ZVo3Nwx9p6wpsAVSoXO5i8fDV4jBSBLoaWxB5zUdlGY6aIw==";
    private static final String PARTY_SIGNATURE = "CiIBVKhc7oDFoLDOEsZ1mtlGhwjPOYi9HsLYzfZYFiOPD0Jw";

    private static final Tool LIGHTS = new Tool("set_light_values",
            "Sets the brightness and color temperature of a light.", json("""
                    {"$schema": "http://json-schema.org/draft-07/schema#", "type": "object",
                     "properties": {
                       "brightness": {"type": "integer",
                         "description": "Light level from 0 to 100. Zero is off and 100 is full brightness"},
                       "color_temp": {"type": "string", "enum": ["daylight", "cool", "warm"],
                         "description": "Color temperature of the light fixture, which can be `daylight`, `cool` or `warm`."}},
                     "required": ["brightness", "color_temp"], "additionalProperties": false}"""),
            true, CacheHint.EPHEMERAL);

    private static final Tool TEMPERATURE = new Tool("get_current_temperature",
            "Gets the current temperature for a given location.", json("""
                    {"type": "object",
                     "properties": {"location": {"type": "string", "description": "The city name, e.g. San Francisco"}},
                     "required": ["location"]}"""),
            null, null);

    // --- Switchboard -> Gemini ---------------------------------------------------------------

    static Stream<Arguments> requests() {
        ToolCall london = new ToolCall(GeminiToolCallIds.encode("call_1", LIGHTS_SIGNATURE),
                "get_current_temperature", "{\"location\":\"London\"}");
        String party = "call_Zq5saNXGD9Wnz7IP5Nur2Ak_";
        List<ToolCall> partyCalls = List.of(
                new ToolCall(GeminiToolCallIds.encode(party + 0, PARTY_SIGNATURE), "power_disco_ball",
                        "{\"power\":true}"),
                new ToolCall(party + 1, "start_music", "{\"energetic\":true,\"loud\":true}"),
                new ToolCall(party + 2, "dim_lights", "{\"brightness\":0.5}"));
        return Stream.of(
                Arguments.of("tools, a schema translated, a named tool choice", "generate-content-request-tools.json",
                        ChatRequest.of(List.of(ChatMessage.of(Role.USER, "Turn the lights down to a romantic level")))
                                .withTools(new Tools(List.of(LIGHTS), ToolChoice.function("set_light_values"),
                                        null))),
                Arguments.of("a call with its thought signature, then its result",
                        "generate-content-request-function-calling.json",
                        ChatRequest.of(List.of(
                                ChatMessage.of(Role.USER, "What's the temperature in London?"),
                                ChatMessage.calling(List.of(), List.of(london)),
                                ChatMessage.toolResult(london.id(), "{\"temperature\": 15, \"unit\": \"celsius\"}")))
                                .withTools(new Tools(List.of(TEMPERATURE), null, true))),
                Arguments.of("parallel calls: all results and the next user message in one user turn",
                        "generate-content-request-parallel-function-calls.json",
                        ChatRequest.of(List.of(
                                ChatMessage.of(Role.USER, "Turn this place into a party!"),
                                ChatMessage.calling(List.of(new ContentPart.Text("Let's get this party started.")),
                                        partyCalls),
                                ChatMessage.toolResult(partyCalls.get(0).id(), "{\"result\":\"ok\"}"),
                                ChatMessage.toolResult(party + 1, "Playing: Daft Punk - One More Time"),
                                ChatMessage.toolResult(party + 2, "[0.5]"),
                                ChatMessage.of(Role.USER, "Now describe the mood in one sentence.")))),
                Arguments.of("inline and remote images; detail and cache hints left out",
                        "generate-content-request-images.json",
                        ChatRequest.of(List.of(new ChatMessage(Role.USER, List.of(
                                new ContentPart.Text("Caption these images."),
                                new ContentPart.Image(new ImageSource.Inline("image/jpeg", Fixtures
                                        .json("gemini/generate-content-request-images.json")
                                        .at("/contents/0/parts/1/inlineData/data").textValue()), "high", null),
                                new ContentPart.Image(new ImageSource.Remote(
                                        "https://storage.googleapis.com/generativeai-downloads/images/scones.png"),
                                        "low", CacheHint.EPHEMERAL),
                                new ContentPart.Image(new ImageSource.Remote(
                                        "https://example.com/photos/12345?size=large"), null, null)),
                                null, List.of(), null)))),
                Arguments.of("a JSON schema response format", "generate-content-request-structured-output.json",
                        ChatRequest.of(List.of(ChatMessage.of(Role.USER,
                                "List a few popular cookie recipes, and include the amounts of ingredients.")))
                                .withFormat(new ResponseFormat(ResponseFormat.Kind.JSON_SCHEMA, "recipes", null,
                                        json("""
                                                {"type": "array", "items": {"type": "object", "properties": {
                                                  "recipeName": {"type": "string"},
                                                  "ingredients": {"type": "array", "items": {"type": "string"}}}}}"""),
                                        true))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void translatesRequests(String description, String fixture, ChatRequest request) {
        assertThat(Fixtures.wire(GeminiTranslator.toGemini(request))).isEqualTo(Fixtures.json("gemini/" + fixture));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "null", value = {
            "AUTO, AUTO, null",
            "NONE, NONE, null",
            "REQUIRED, ANY, null",
            "FUNCTION, ANY, get_current_temperature" })
    void mapsToolChoices(ToolChoice.Mode mode, String wireMode, String allowed) {
        ToolChoice choice = new ToolChoice(mode, mode == ToolChoice.Mode.FUNCTION ? "get_current_temperature" : null);
        JsonNode config = Fixtures.wire(GeminiTranslator.toGemini(ChatRequest.of(List.of(ChatMessage.of(Role.USER,
                "hi"))).withTools(new Tools(List.of(TEMPERATURE), choice, null))))
                .at("/toolConfig/functionCallingConfig");
        assertThat(config.path("mode").textValue()).isEqualTo(wireMode);
        assertThat(config.path("allowedFunctionNames").path(0).textValue()).isEqualTo(allowed);
    }

    @Test
    void noToolChoiceSendsNoToolConfig() {
        JsonNode wire = Fixtures.wire(GeminiTranslator.toGemini(ChatRequest.of(List.of(ChatMessage.of(Role.USER,
                "hi"))).withTools(new Tools(List.of(TEMPERATURE), null, null))));
        assertThat(wire.has("toolConfig")).isFalse();
        assertThat(wire.has("tools")).isTrue();
    }

    @Test
    void aJsonObjectFormatAsksForJsonWithoutASchema() {
        JsonNode config = Fixtures.wire(GeminiTranslator.toGemini(ChatRequest.of(List.of(ChatMessage.of(Role.USER,
                "hi"))).withFormat(ResponseFormat.JSON_OBJECT))).path("generationConfig");
        assertThat(config).isEqualTo(json("{\"responseMimeType\": \"application/json\"}"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "https://example.com/a.png, image/png",
            "https://example.com/a.PNG?v=2, image/png",
            "https://example.com/a.jpg, image/jpeg",
            "https://example.com/a.jpeg#top, image/jpeg",
            "https://example.com/a.gif, image/gif",
            "https://example.com/a.webp, image/webp",
            "https://example.com/a.heic, image/heic",
            "https://example.com/a.heif, image/heif",
            "https://example.com/a.bmp, image/jpeg",
            "https://example.com/image, image/jpeg",
            "https://example.com/img.png/render, image/jpeg" })
    void guessesARemoteImageTypeFromItsExtension(String url, String type) {
        assertThat(GeminiTranslator.imageType(url)).isEqualTo(type);
    }

    // --- Gemini -> Switchboard ---------------------------------------------------------------

    @Test
    void aCallAloneIsAnAnswerWhoseIdCarriesTheSignature() {
        ChatResult result = GeminiTranslator.fromGemini(
                Fixtures.read("gemini/generate-content-response-function-call.json", GeminiResponse.class),
                ProviderId.GEMINI, REQUESTED);
        assertThat(result).isEqualTo(new ChatResult("kq1saOKzGNqgz7IPxtS3mA0", "gemini-2.5-flash", "",
                FinishReason.TOOL_CALLS, new Usage(72, 22 + 48, 0, 0, 48),
                List.of(new ToolCall(GeminiToolCallIds.encode("call_kq1saOKzGNqgz7IPxtS3mA0_0", LIGHTS_SIGNATURE),
                        "set_light_values", "{\"color_temp\":\"warm\",\"brightness\":25}"))));
    }

    @Test
    void parallelCallsKeepTheirOrderAndTheTextBeforeThem() {
        ChatResult result = GeminiTranslator.fromGemini(
                Fixtures.read("gemini/generate-content-response-function-call-parallel.json", GeminiResponse.class),
                ProviderId.GEMINI, REQUESTED);
        String base = "call_Zq5saNXGD9Wnz7IP5Nur2Ak_";
        assertThat(result.content()).isEqualTo("Let's get this party started.");
        assertThat(result.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
        assertThat(result.toolCalls()).containsExactly(
                new ToolCall(GeminiToolCallIds.encode(base + 0, PARTY_SIGNATURE), "power_disco_ball",
                        "{\"power\":true}"),
                new ToolCall(base + 1, "start_music", "{\"energetic\":true,\"loud\":true}"),
                new ToolCall(base + 2, "dim_lights", "{\"brightness\":0.5}"));
    }

    @Test
    void geminisOwnIdIsTheBaseAndNoArgsAreAnEmptyObject() {
        GeminiResponse response = edited("generate-content-response-function-call.json",
                "{\"functionCall\":{\"id\":\"fc-7\",\"name\":\"lookup\"}}");
        ToolCall call = GeminiTranslator.fromGemini(response, ProviderId.GEMINI, REQUESTED).toolCalls().get(0);
        assertThat(call).isEqualTo(new ToolCall("fc-7", "lookup", "{}"));
    }

    @Test
    void withoutAResponseIdTheIdsAreStillUniqueAndOrdered() {
        GeminiResponse response = edited("generate-content-response-function-call.json",
                "{\"functionCall\":{\"name\":\"a\",\"args\":{}}}", "{\"functionCall\":{\"name\":\"b\",\"args\":{}}}");
        GeminiResponse anonymous = new GeminiResponse(response.candidates(), null, null, null, null);
        List<ToolCall> calls = GeminiTranslator.fromGemini(anonymous, ProviderId.GEMINI, REQUESTED).toolCalls();
        List<ToolCall> again = GeminiTranslator.fromGemini(anonymous, ProviderId.GEMINI, REQUESTED).toolCalls();
        assertThat(calls.get(0).id()).startsWith("call_").endsWith("_0");
        assertThat(calls.get(1).id()).endsWith("_1");
        assertThat(calls.get(0).id()).isNotEqualTo(again.get(0).id());
    }

    @Test
    void aLengthStopWithACallStaysALengthStop() {
        GeminiResponse response = Fixtures.read("gemini/generate-content-response-function-call.json",
                GeminiResponse.class);
        GeminiResponse.Candidate candidate = response.candidates().get(0);
        GeminiResponse truncated = new GeminiResponse(
                List.of(new GeminiResponse.Candidate(candidate.content(), "MAX_TOKENS", 0)), null, null, null, "r");
        assertThat(GeminiTranslator.fromGemini(truncated, ProviderId.GEMINI, REQUESTED).finishReason())
                .isEqualTo(FinishReason.LENGTH);
    }

    // --- streams -----------------------------------------------------------------------------

    @Test
    void streamsEachCallAsItsStartAndItsWholeArguments() {
        String base = "call_8q9saKGfBP-nz7IP3_ausQk_";
        assertThat(Fixtures.decoded(new GeminiStreamDecoder(ProviderId.GEMINI, REQUESTED),
                "gemini/stream-generate-content-function-call.sse")).containsExactly(
                        new Started("8q9saKGfBP-nz7IP3_ausQk", "gemini-2.5-flash"),
                        new Text("Checking both cities."),
                        new UsageReported(new Usage(41, 0)),
                        new ToolCallStarted(0, GeminiToolCallIds.encode(base + 0, LIGHTS_SIGNATURE),
                                "get_current_temperature"),
                        new ToolCallArguments(0, "{\"location\":\"London\"}"),
                        new UsageReported(new Usage(41, 0)),
                        new ToolCallStarted(1, base + 1, "get_current_temperature"),
                        new ToolCallArguments(1, "{\"location\":\"Paris\"}"),
                        new Finished(FinishReason.TOOL_CALLS),
                        new UsageReported(new Usage(41, 24 + 55, 0, 0, 55)));
    }

    @Test
    void aStreamWithoutAResponseIdNumbersItsCallsUnderOneMadeUpBase() {
        GeminiStreamDecoder decoder = new GeminiStreamDecoder(ProviderId.GEMINI, REQUESTED);
        String call = "{\"candidates\":[{\"content\":{\"parts\":[{\"functionCall\":{\"name\":\"a\",\"args\":{}}}]}}]}";
        List<StreamEvent> first = decoder.decode(null, call);
        List<StreamEvent> second = decoder.decode(null, call);
        String id0 = ((ToolCallStarted) first.get(1)).id();
        String id1 = ((ToolCallStarted) second.get(0)).id();
        assertThat(id0).startsWith("call_").endsWith("_0");
        assertThat(id1).isEqualTo(id0.substring(0, id0.length() - 1) + "1");
    }

    // --- the round trip of a thought signature -------------------------------------------------

    /**
     * What Gemini signs comes back to it: the caller keeps only the OpenAI-format id, and its next
     * request, answering the call, carries the signature on the same functionCall part, with no id.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({ "whole answer, false", "streamed answer, true" })
    void theSignatureMakesTheRoundTripThroughTheCallerId(String description, boolean streamed) {
        String id = streamed
                ? ((ToolCallStarted) Fixtures.decoded(new GeminiStreamDecoder(ProviderId.GEMINI, REQUESTED),
                        "gemini/stream-generate-content-function-call.sse").get(3)).id()
                : GeminiTranslator.fromGemini(
                        Fixtures.read("gemini/generate-content-response-function-call.json", GeminiResponse.class),
                        ProviderId.GEMINI, REQUESTED).toolCalls().get(0).id();
        ToolCall call = new ToolCall(id, "get_current_temperature", "{\"location\":\"London\"}");
        ChatRequest next = ChatRequest.of(List.of(
                ChatMessage.of(Role.USER, "What's the temperature in London?"),
                ChatMessage.calling(List.of(), List.of(call)),
                ChatMessage.toolResult(id, "{\"temperature\": 15, \"unit\": \"celsius\"}")))
                .withTools(new Tools(List.of(TEMPERATURE), null, null));
        assertThat(Fixtures.wire(GeminiTranslator.toGemini(next)))
                .isEqualTo(Fixtures.json("gemini/generate-content-request-function-calling.json"));
    }

    @Test
    void anIdFromAnotherProviderSendsNoSignature() {
        ToolCall call = new ToolCall("toolu_01A09q90qw90lq917835lq9", "get_current_temperature", "{}");
        JsonNode part = Fixtures.wire(GeminiTranslator.toGemini(ChatRequest.of(List.of(
                ChatMessage.of(Role.USER, "Weather?"), ChatMessage.calling(List.of(), List.of(call)),
                ChatMessage.toolResult(call.id(), "sunny"))))).at("/contents/1/parts/0");
        assertThat(part).isEqualTo(json("{\"functionCall\":{\"name\":\"get_current_temperature\",\"args\":{}}}"));
    }

    // --- helpers ------------------------------------------------------------------------------

    private static JsonNode json(String text) {
        try {
            return Fixtures.JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A response fixture with its candidate's parts replaced. */
    private static GeminiResponse edited(String fixture, String... parts) {
        JsonNode response = Fixtures.json("gemini/" + fixture);
        ArrayNode array = (ArrayNode) response.at("/candidates/0/content/parts");
        array.removeAll();
        for (String part : parts) {
            array.add(json(part));
        }
        try {
            return Fixtures.JSON.treeToValue(response, GeminiResponse.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
