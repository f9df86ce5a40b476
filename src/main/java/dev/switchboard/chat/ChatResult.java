package dev.switchboard.chat;

import java.util.List;

/**
 * A provider's answer, translated to the gateway's terms.
 *
 * @param id        the provider's response id
 * @param model     the model that actually answered, as the provider names it
 * @param content   the answer's text; empty (never null) when the model only called tools
 * @param toolCalls the tools the model asked to have called, in order; empty when none
 */
public record ChatResult(String id, String model, String content, FinishReason finishReason, Usage usage,
        List<ToolCall> toolCalls) {

    public ChatResult {
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
    }

    public ChatResult(String id, String model, String content, FinishReason finishReason, Usage usage) {
        this(id, model, content, finishReason, usage, List.of());
    }
}
