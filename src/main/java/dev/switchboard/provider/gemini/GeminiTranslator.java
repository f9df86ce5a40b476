package dev.switchboard.provider.gemini;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import dev.switchboard.chat.Role;
import dev.switchboard.chat.ChatRequest;
import dev.switchboard.chat.ChatResult;
import dev.switchboard.chat.FinishReason;
import dev.switchboard.chat.Usage;
import dev.switchboard.provider.ProviderFailure;
import dev.switchboard.provider.ProviderId;

/**
 * Switchboard's request to and from Gemini's generateContent format. Pure: the same input
 * always gives the same output, so a retry re-sends exactly what the first attempt sent.
 */
public final class GeminiTranslator {

    /** The OpenAI extra parameters Gemini has an equivalent for; any other (not droppable) one is declined. */
    public static final Set<String> TRANSLATED_PARAMS = Set.of("presence_penalty", "frequency_penalty");

    private static final Set<String> SAFETY_STOPS = Set.of(
            "SAFETY", "RECITATION", "BLOCKLIST", "PROHIBITED_CONTENT", "SPII", "IMAGE_SAFETY");

    private static final GeminiRequest.GenerationConfig EMPTY_CONFIG =
            new GeminiRequest.GenerationConfig(null, null, null, null, null, null, null);

    private GeminiTranslator() {
    }

    /** Instructions become the systemInstruction; the user and assistant turns alternate, as Gemini requires. */
    public static GeminiRequest toGemini(ChatRequest request) {
        List<GeminiContent> contents = request.turns().stream()
                .map(turn -> new GeminiContent(turn.role() == Role.ASSISTANT ? "model" : "user",
                        turn.texts().stream().map(GeminiContent.Part::new).toList()))
                .toList();
        GeminiContent system = request.systemPrompt()
                .map(prompt -> new GeminiContent(null, List.of(new GeminiContent.Part(prompt)))).orElse(null);
        return new GeminiRequest(contents, system, generationConfig(request));
    }

    private static GeminiRequest.GenerationConfig generationConfig(ChatRequest request) {
        GeminiRequest.GenerationConfig config = new GeminiRequest.GenerationConfig(
                request.temperature(),
                request.topP(),
                request.maxTokens(),
                request.stop().isEmpty() ? null : request.stop(),
                request.seed(),
                number(request.extraParams().get("presence_penalty")),
                number(request.extraParams().get("frequency_penalty")));
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
        FinishReason finish = finishReason(candidate.finishReason());
        String text = text(candidate.content()).orElseGet(() -> withoutText(provider, candidate, finish));
        String model = response.modelVersion() != null ? response.modelVersion() : requestedModel;
        return new ChatResult(response.responseId(), model, text, finish, usage(response.usageMetadata()));
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
                .filter(part -> part != null && part.text() != null)
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
                orZero(usage.cachedContentTokenCount()));
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }

    private static ProviderFailure malformed(ProviderId provider, String what) {
        return new ProviderFailure.MalformedResponse(provider, "response is not a generateContent answer: " + what,
                null);
    }
}
