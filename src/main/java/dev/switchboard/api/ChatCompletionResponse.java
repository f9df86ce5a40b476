package dev.switchboard.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The OpenAI {@code chat.completion} object; null fields are sent as null, as OpenAI does. */
@RegisterForReflection
public record ChatCompletionResponse(
        String id,
        String object,
        long created,
        String model,
        List<Choice> choices,
        Usage usage,
        @JsonProperty("system_fingerprint") String systemFingerprint) {

    public record Choice(int index, Message message, Object logprobs, @JsonProperty("finish_reason") String finishReason) {
    }

    /** {@code content} is null when the model only called tools; {@code tool_calls} is left out when it called none. */
    public record Message(String role, String content, String refusal,
            @JsonProperty("tool_calls") @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ToolCall> toolCalls,
            @JsonProperty("reasoning_content") @JsonInclude(JsonInclude.Include.NON_NULL) String reasoningContent,
            @JsonProperty("thinking_blocks") @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Thinking> thinkingBlocks) {
    }

    /**
     * A reasoning block as answers carry it and callers send it back: {@code thinking} with its text and
     * signature, or {@code redacted_thinking} with its encrypted {@code data}.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Thinking(String type, String thinking, String signature, String data) {

        public static Thinking of(dev.switchboard.chat.ThinkingBlock block) {
            return block.isRedacted() ? new Thinking("redacted_thinking", null, null, block.redacted())
                    : new Thinking("thinking", block.thinking(), block.signature(), null);
        }
    }

    public record ToolCall(String id, String type, Function function) {

        public static ToolCall of(dev.switchboard.chat.ToolCall call) {
            return new ToolCall(call.id(), "function", new Function(call.name(), call.arguments()));
        }
    }

    /** @param arguments JSON text, as OpenAI sends it */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Function(String name, String arguments) {
    }

    /**
     * OpenAI's usage object. The details say which part of the prompt came from or went to the prompt
     * cache and which part of the completion was reasoning; {@code cache_write_tokens} is
     * Switchboard's own, for providers that bill cache writes (Anthropic).
     */
    public record Usage(
            @JsonProperty("prompt_tokens") int promptTokens,
            @JsonProperty("completion_tokens") int completionTokens,
            @JsonProperty("total_tokens") int totalTokens,
            @JsonProperty("prompt_tokens_details") PromptDetails promptDetails,
            @JsonProperty("completion_tokens_details") CompletionDetails completionDetails) {

        public static Usage of(dev.switchboard.chat.Usage usage) {
            return new Usage(usage.promptTokens(), usage.completionTokens(), usage.totalTokens(),
                    new PromptDetails(usage.cachedPromptTokens(), usage.cacheWriteTokens()),
                    new CompletionDetails(usage.reasoningTokens()));
        }
    }

    public record PromptDetails(@JsonProperty("cached_tokens") int cachedTokens,
            @JsonProperty("cache_write_tokens") int cacheWriteTokens) {
    }

    public record CompletionDetails(@JsonProperty("reasoning_tokens") int reasoningTokens) {
    }
}
