package dev.switchboard.provider.gemini;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import dev.switchboard.chat.ChatMessage;
import dev.switchboard.chat.ChatRequest;
import dev.switchboard.chat.ChatResult;
import dev.switchboard.chat.ContentPart;
import dev.switchboard.chat.FinishReason;
import dev.switchboard.chat.ImageSource;
import dev.switchboard.chat.JsonText;
import dev.switchboard.chat.Parameters;
import dev.switchboard.chat.ReasoningEffort;
import dev.switchboard.chat.Role;
import dev.switchboard.chat.ThinkingBlock;
import dev.switchboard.chat.Tool;
import dev.switchboard.chat.ToolCall;
import dev.switchboard.chat.ToolChoice;
import dev.switchboard.chat.Tools;
import dev.switchboard.chat.Usage;
import dev.switchboard.provider.ProviderFailure;
import dev.switchboard.provider.ProviderId;

/**
 * Switchboard's request to and from Gemini's generateContent format. Pure: the same input
 * always gives the same output, so a retry re-sends exactly what the first attempt sent.
 */
public final class GeminiTranslator {

    /** The OpenAI extra parameters Gemini has an equivalent for; any other (not droppable) one is declined. */
    public static final Set<String> TRANSLATED_PARAMS = Set.of("presence_penalty", "frequency_penalty",
            Parameters.REASONING_EFFORT);
    /** The translated parameters that are numbers. */
    public static final Set<String> NUMBER_PARAMS = Set.of("presence_penalty", "frequency_penalty");

    private static final Set<String> SAFETY_STOPS = Set.of(
            "SAFETY", "RECITATION", "BLOCKLIST", "PROHIBITED_CONTENT", "SPII", "IMAGE_SAFETY");

    private static final GeminiRequest.GenerationConfig EMPTY_CONFIG =
            new GeminiRequest.GenerationConfig(null, null, null, null, null, null, null, null, null, null);

    /** Where a response format's schema is in the caller's request, for a refusal to name. */
    static final String RESPONSE_SCHEMA_PATH = "response_format.json_schema.schema";

    private GeminiTranslator() {
    }

    /**
     * Instructions become the systemInstruction; the user and model turns alternate, as Gemini
     * requires, so tool results and the user message after them share one user turn.
     *
     * @throws GeminiSchema.Untranslatable when a schema has no Gemini form; {@code GeminiAdapter}
     *                                     declines such a request before it gets here
     */
    public static GeminiRequest toGemini(ChatRequest request) {
        List<GeminiContent> contents = new ArrayList<>();
        for (ChatMessage turn : request.turns()) {
            GeminiContent content = content(turn, request);
            int last = contents.size() - 1;
            if (last >= 0 && content.role().equals("user") && contents.get(last).role().equals("user")) {
                List<GeminiContent.Part> parts = new ArrayList<>(contents.get(last).parts());
                parts.addAll(content.parts());
                contents.set(last, new GeminiContent("user", List.copyOf(parts)));
            } else {
                contents.add(content);
            }
        }
        GeminiContent system = request.systemPrompt()
                .map(prompt -> new GeminiContent(null, List.of(new GeminiContent.Part(prompt)))).orElse(null);
        return new GeminiRequest(List.copyOf(contents), tools(request.tools()), toolConfig(request.tools()), system,
                generationConfig(request));
    }

    private static GeminiContent content(ChatMessage turn, ChatRequest request) {
        if (turn.role() == Role.TOOL) {
            return new GeminiContent("user", List.of(functionResponse(turn, request)));
        }
        List<GeminiContent.Part> parts = new ArrayList<>();
        turn.content().forEach(part -> parts.add(part(part)));
        turn.toolCalls().forEach(call -> parts.add(functionCall(call)));
        return new GeminiContent(turn.role() == Role.ASSISTANT ? "model" : "user", List.copyOf(parts));
    }

    /** Cache hints and {@code detail} are left out: Gemini caches on its own and has no detail level. */
    private static GeminiContent.Part part(ContentPart part) {
        if (part instanceof ContentPart.Image image) {
            if (image.source() instanceof ImageSource.Inline inline) {
                return GeminiContent.Part.inline(inline.mediaType(), inline.base64());
            }
            String url = image.source().asUrl();
            return GeminiContent.Part.file(imageType(url), url);
        }
        return new GeminiContent.Part(((ContentPart.Text) part).text());
    }

    /**
     * Gemini needs a remote file's type up front and OpenAI's image URL does not say it, so the
     * URL's extension tells it; JPEG, the most common photo type, when it does not.
     */
    static String imageType(String url) {
        String path = url.replaceFirst("[?#].*$", "").toLowerCase(Locale.ROOT);
        String extension = path.substring(path.lastIndexOf('.') + 1);
        return switch (extension) {
            case "png" -> "image/png";
            case "gif" -> "image/gif";
            case "webp" -> "image/webp";
            case "heic" -> "image/heic";
            case "heif" -> "image/heif";
            default -> "image/jpeg";
        };
    }

    /** The call as Gemini made it: its thought signature back on the part, and no id Gemini did not make. */
    private static GeminiContent.Part functionCall(ToolCall call) {
        return GeminiContent.Part.call(call.name(), json(call.arguments()),
                GeminiToolCallIds.signature(call.id()).orElse(null));
    }

    /**
     * Gemini takes a function's result as a JSON object and matches it to its call by name: a result
     * that is a JSON object goes as it is, any other text as {@code {"output": text}}, the key
     * Gemini's reference suggests.
     */
    private static GeminiContent.Part functionResponse(ChatMessage result, ChatRequest request) {
        String name = request.toolCall(result.toolCallId()).map(ToolCall::name)
                .orElseThrow(() -> new IllegalArgumentException("no call with id " + result.toolCallId()));
        String text = result.text();
        JsonNode response = JsonText.object(text)
                .orElseGet(() -> JsonNodeFactory.instance.objectNode().put("output", text));
        return GeminiContent.Part.response(name, response);
    }

    /** Arguments the validator has checked are a JSON object. */
    private static JsonNode json(String arguments) {
        return JsonText.object(arguments)
                .orElseThrow(() -> new IllegalArgumentException("tool call arguments are not a JSON object"));
    }

    private static List<GeminiRequest.Tool> tools(Tools tools) {
        if (!tools.offered()) {
            return null;
        }
        List<GeminiRequest.FunctionDeclaration> declarations = new ArrayList<>();
        for (int i = 0; i < tools.definitions().size(); i++) {
            Tool tool = tools.definitions().get(i);
            declarations.add(new GeminiRequest.FunctionDeclaration(tool.name(), tool.description(),
                    GeminiSchema.parameters(tool.parameters(), parametersPath(i))));
        }
        return List.of(new GeminiRequest.Tool(List.copyOf(declarations)));
    }

    /** Where the i-th tool's parameters are in the caller's request, for a refusal to name. */
    static String parametersPath(int index) {
        return "tools[" + index + "].function.parameters";
    }

    /** Gemini's {@code ANY} is OpenAI's {@code required}; naming one function narrows it to that one. */
    private static GeminiRequest.ToolConfig toolConfig(Tools tools) {
        ToolChoice choice = tools.choice();
        if (choice == null) {
            return null;
        }
        GeminiRequest.FunctionCallingConfig config = switch (choice.mode()) {
            case AUTO -> new GeminiRequest.FunctionCallingConfig("AUTO", null);
            case NONE -> new GeminiRequest.FunctionCallingConfig("NONE", null);
            case REQUIRED -> new GeminiRequest.FunctionCallingConfig("ANY", null);
            case FUNCTION -> new GeminiRequest.FunctionCallingConfig("ANY", List.of(choice.function()));
        };
        return new GeminiRequest.ToolConfig(config);
    }

    private static GeminiRequest.GenerationConfig generationConfig(ChatRequest request) {
        GeminiRequest.GenerationConfig config = new GeminiRequest.GenerationConfig(
                request.temperature(),
                request.topP(),
                request.maxTokens(),
                request.stop().isEmpty() ? null : request.stop(),
                request.seed(),
                number(request.extraParams().get("presence_penalty")),
                number(request.extraParams().get("frequency_penalty")),
                request.format().wantsJson() ? "application/json" : null,
                request.format().jsonSchema()
                        .map(schema -> GeminiSchema.response(schema, RESPONSE_SCHEMA_PATH)).orElse(null),
                ReasoningEffort.budget(request)
                        .map(budget -> new GeminiRequest.ThinkingConfig(budget, budget > 0 ? Boolean.TRUE : null))
                        .orElse(null));
        return config.equals(EMPTY_CONFIG) ? null : config;
    }

    private static Double number(JsonNode value) {
        return value != null && value.isNumber() ? value.doubleValue() : null;
    }

    public static ChatResult fromGemini(GeminiResponse response, ProviderId provider, String requestedModel) {
        if (response == null) {
            throw malformed(provider, "the body is empty");
        }
        if (response.candidates() == null || response.candidates().isEmpty()) {
            String blockReason = response.promptFeedback() == null ? null : response.promptFeedback().blockReason();
            if (blockReason != null) {
                throw promptBlocked(provider, blockReason);
            }
            throw malformed(provider, "no candidates and no promptFeedback.blockReason");
        }
        GeminiResponse.Candidate candidate = response.candidates().get(0);
        if (candidate == null) {
            throw malformed(provider, "candidates[0] is null");
        }
        List<ToolCall> calls = toolCalls(provider, candidate.content(), response.responseId());
        FinishReason finish = finishReason(candidate.finishReason(), !calls.isEmpty());
        String text = text(candidate.content())
                .orElseGet(() -> calls.isEmpty() ? withoutText(provider, candidate, finish) : "");
        String model = response.modelVersion() != null ? response.modelVersion() : requestedModel;
        return new ChatResult(response.responseId(), model, text, finish, usage(response.usageMetadata()), calls, null,
                thoughts(candidate.content()));
    }

    /** Thought summaries (parts marked {@code thought}), asked for with a reasoning effort, as reasoning. */
    private static List<ThinkingBlock> thoughts(GeminiContent content) {
        if (content == null || content.parts() == null) {
            return List.of();
        }
        return content.parts().stream()
                .filter(part -> part != null && part.isThought() && part.text() != null && !part.text().isEmpty())
                .map(part -> ThinkingBlock.text(part.text()))
                .toList();
    }

    private static List<ToolCall> toolCalls(ProviderId provider, GeminiContent content, String responseId) {
        if (content == null || content.parts() == null) {
            return List.of();
        }
        String fallbackPrefix = responseId == null ? UUID.randomUUID().toString() : null;
        List<ToolCall> calls = new ArrayList<>();
        for (GeminiContent.Part part : content.parts()) {
            if (part != null && part.functionCall() != null) {
                calls.add(toolCall(provider, part, responseId, fallbackPrefix, calls.size()));
            }
        }
        return List.copyOf(calls);
    }

    /**
     * A function-call part as the caller's tool call: its id carries the part's thought signature
     * (see {@link GeminiToolCallIds}), its arguments are compact JSON text.
     *
     * @param fallbackPrefix what stands in an id for the response's when Gemini gave none
     * @param index          the call's position among the answer's calls
     */
    static ToolCall toolCall(ProviderId provider, GeminiContent.Part part, String responseId, String fallbackPrefix,
            int index) {
        GeminiContent.FunctionCall call = part.functionCall();
        if (call.name() == null || call.name().isEmpty()) {
            throw malformed(provider, "a functionCall has no name");
        }
        if (call.args() != null && !call.args().isObject() && !call.args().isNull()) {
            throw malformed(provider, "a functionCall's args are not an object");
        }
        String base = GeminiToolCallIds.base(call.id(), responseId, fallbackPrefix, index);
        String arguments = call.args() == null || call.args().isNull() ? "{}" : call.args().toString();
        return new ToolCall(GeminiToolCallIds.encode(base, part.thoughtSignature()), call.name(), arguments);
    }

    /** Gemini says {@code STOP} when the model calls functions; the caller is told it called tools. */
    static FinishReason finishReason(String wire, boolean calledFunctions) {
        FinishReason reason = finishReason(wire);
        return reason == FinishReason.STOP && calledFunctions ? FinishReason.TOOL_CALLS : reason;
    }

    static FinishReason finishReason(String wire) {
        if ("MAX_TOKENS".equals(wire)) {
            return FinishReason.LENGTH;
        }
        // Set.of rejects a null lookup, and Gemini omits finishReason on some candidates.
        return wire != null && SAFETY_STOPS.contains(wire) ? FinishReason.CONTENT_FILTER : FinishReason.STOP;
    }

    private static Optional<String> text(GeminiContent content) {
        if (content == null || content.parts() == null) {
            return Optional.empty();
        }
        List<String> texts = content.parts().stream()
                .filter(part -> part != null && part.text() != null && !part.isThought())
                .map(GeminiContent.Part::text)
                .toList();
        return texts.isEmpty() ? Optional.empty() : Optional.of(String.join("", texts));
    }

    private static String withoutText(ProviderId provider, GeminiResponse.Candidate candidate, FinishReason finish) {
        return switch (finish) {
            case CONTENT_FILTER -> throw answerStopped(provider, candidate.finishReason());
            // Thinking models spend the output limit on thoughts first and may have none left for
            // text: a truncated (empty) answer, like OpenAI's reasoning models give, not a broken one.
            case LENGTH -> "";
            default -> throw malformed(provider,
                    "candidates[0] has no text and finishReason " + candidate.finishReason());
        };
    }

    /** The prompt itself was refused ({@code promptFeedback.blockReason}), so no candidate came back. */
    static ProviderFailure promptBlocked(ProviderId provider, String blockReason) {
        return new ProviderFailure.ContentFiltered(provider, 200, "gemini blocked the prompt: " + blockReason);
    }

    /** A safety stop before any text: nothing of an answer for the caller, so another route may try. */
    static ProviderFailure answerStopped(ProviderId provider, String finishReason) {
        return new ProviderFailure.ContentFiltered(provider, 200, "gemini stopped the answer: " + finishReason);
    }

    /**
     * Thinking tokens are billed as output, so they count as completion tokens; cached content is part
     * of the prompt count, billed at the cached price.
     */
    static Usage usage(GeminiResponse.UsageMetadata usage) {
        if (usage == null) {
            return Usage.NONE;
        }
        return new Usage(orZero(usage.promptTokenCount()),
                orZero(usage.candidatesTokenCount()) + orZero(usage.thoughtsTokenCount()),
                orZero(usage.cachedContentTokenCount()), 0, orZero(usage.thoughtsTokenCount()));
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }

    private static ProviderFailure malformed(ProviderId provider, String what) {
        return new ProviderFailure.MalformedResponse(provider, "response is not a generateContent answer: " + what,
                null);
    }
}
