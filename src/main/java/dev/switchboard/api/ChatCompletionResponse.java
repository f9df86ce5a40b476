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
            @JsonProperty("tool_calls") @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ToolCall> toolCalls) {
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

    public record Usage(
            @JsonProperty("prompt_tokens") int promptTokens,
            @JsonProperty("completion_tokens") int completionTokens,
            @JsonProperty("total_tokens") int totalTokens) {
    }
}
