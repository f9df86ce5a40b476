package dev.switchboard.chat;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A provider's answer, translated to the gateway's terms.
 *
 * @param id        the provider's response id
 * @param model     the model that actually answered, as the provider names it
 * @param content   the answer's text; empty (never null) when the model only called tools
 * @param toolCalls the tools the model asked to have called, in order; empty when none
 * @param logprobs  OpenAI's {@code choices[0].logprobs} as the provider sent it, when the request asked
 *                  for them ({@code logprobs: true}); only OpenAI-format providers give them
 * @param thinking  the model's reasoning blocks, in order, where the provider returns them; empty when none
 */
public record ChatResult(String id, String model, String content, FinishReason finishReason, Usage usage,
        List<ToolCall> toolCalls, JsonNode logprobs, List<ThinkingBlock> thinking) {

    public ChatResult {
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
        thinking = thinking == null ? List.of() : List.copyOf(thinking);
    }

    public ChatResult(String id, String model, String content, FinishReason finishReason, Usage usage,
            List<ToolCall> toolCalls, JsonNode logprobs) {
        this(id, model, content, finishReason, usage, toolCalls, logprobs, List.of());
    }

    public ChatResult(String id, String model, String content, FinishReason finishReason, Usage usage,
            List<ToolCall> toolCalls) {
        this(id, model, content, finishReason, usage, toolCalls, null);
    }

    public ChatResult(String id, String model, String content, FinishReason finishReason, Usage usage) {
        this(id, model, content, finishReason, usage, List.of());
    }
}
