package dev.switchboard.provider.anthropic;

import java.util.List;
import java.util.Map;

import dev.switchboard.chat.ChatMessage;
import dev.switchboard.chat.ChatRequest;
import dev.switchboard.chat.ChatResult;
import dev.switchboard.chat.FinishReason;
import dev.switchboard.chat.Usage;
import dev.switchboard.provider.ProviderFailure;
import dev.switchboard.provider.ProviderId;
import dev.switchboard.provider.anthropic.AnthropicRequest.Message;
import dev.switchboard.provider.anthropic.AnthropicRequest.TextBlock;

/**
 * Switchboard's request to and from the Anthropic Messages format. Pure: the same input always
 * gives the same output, so a retry re-sends exactly what the first attempt sent.
 */
public final class AnthropicTranslator {

    private static final Map<String, FinishReason> STOP_REASONS = Map.of(
            "end_turn", FinishReason.STOP,
            "stop_sequence", FinishReason.STOP,
            // A server-side tool loop paused: what came back is a finished answer as far as the caller can tell.
            "pause_turn", FinishReason.STOP,
            "max_tokens", FinishReason.LENGTH,
            "model_context_window_exceeded", FinishReason.LENGTH,
            "tool_use", FinishReason.TOOL_CALLS,
            "refusal", FinishReason.CONTENT_FILTER);

    private AnthropicTranslator() {
    }

    /**
     * Seed is dropped: Anthropic has none, and OpenAI documents it as best-effort, so no promise is
     * broken. Extra parameters reach here only when droppable; the adapter declines the others.
     *
     * @param maxTokens the output limit, which the Messages API requires on every request
     */
    public static AnthropicRequest toAnthropic(ChatRequest request, String model, int maxTokens) {
        return new AnthropicRequest(
                model,
                maxTokens,
                request.systemPrompt().orElse(null),
                request.turns().stream().map(AnthropicTranslator::message).toList(),
                request.temperature(),
                request.topP(),
                request.stop().isEmpty() ? null : request.stop(),
                request.user() == null ? null : new AnthropicRequest.Metadata(request.user()),
                null);
    }

    /** The Messages API has no system role: instructions went to {@code system}, turns alternate. */
    private static Message message(ChatMessage turn) {
        return new Message(turn.role().wireName(), turn.texts().stream().map(TextBlock::of).toList());
    }

    public static ChatResult fromAnthropic(AnthropicResponse response, ProviderId provider) {
        if (response == null) {
            throw malformed(provider, "the body is empty");
        }
        if (!"message".equals(response.type())) {
            throw malformed(provider, "type is " + response.type());
        }
        if (response.content() == null) {
            throw malformed(provider, "content is missing");
        }
        if (response.model() == null) {
            throw malformed(provider, "model is missing");
        }
        return new ChatResult(response.id(), response.model(), text(response.content()),
                finishReason(response.stopReason()), usage(response.usage()));
    }

    /** A reason added after this release reads as a normal stop: the answer itself arrived intact. */
    static FinishReason finishReason(String stopReason) {
        return stopReason == null ? FinishReason.STOP : STOP_REASONS.getOrDefault(stopReason, FinishReason.STOP);
    }

    /** Thinking, tool-use and other blocks are not part of the chat answer the caller asked for. */
    private static String text(List<AnthropicResponse.ContentBlock> content) {
        StringBuilder text = new StringBuilder();
        for (AnthropicResponse.ContentBlock block : content) {
            if (block != null && "text".equals(block.type()) && block.text() != null) {
                text.append(block.text());
            }
        }
        return text.toString();
    }

    /**
     * The caller sent the whole prompt, so cache writes and reads count as prompt tokens too; the reads
     * are the cached part, billed at the cached price.
     */
    static Usage usage(AnthropicResponse.Usage usage) {
        if (usage == null) {
            return Usage.NONE;
        }
        int prompt = orZero(usage.inputTokens()) + orZero(usage.cacheCreationInputTokens())
                + orZero(usage.cacheReadInputTokens());
        return new Usage(prompt, orZero(usage.outputTokens()), orZero(usage.cacheReadInputTokens()));
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }

    private static ProviderFailure malformed(ProviderId provider, String what) {
        return new ProviderFailure.MalformedResponse(provider, "response is not a message: " + what, null);
    }
}
