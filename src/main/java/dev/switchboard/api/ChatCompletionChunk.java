package dev.switchboard.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The OpenAI {@code chat.completion.chunk} object: one event of a streamed answer. */
@RegisterForReflection
public record ChatCompletionChunk(
        String id,
        String object,
        long created,
        String model,
        @JsonProperty("system_fingerprint") String systemFingerprint,
        List<Choice> choices,
        ChatCompletionResponse.Usage usage) {

    public record Choice(int index, Delta delta, Object logprobs, @JsonProperty("finish_reason") String finishReason) {
    }

    /**
     * Only what changed: the role once, then content or pieces of tool calls; the finishing chunk's
     * delta is empty.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Delta(String role, String content, @JsonProperty("tool_calls") List<ToolCallDelta> toolCalls,
            @JsonProperty("reasoning_content") String reasoningContent,
            @JsonProperty("thinking_blocks") List<ChatCompletionResponse.Thinking> thinkingBlocks) {

        public Delta(String role, String content) {
            this(role, content, null, null, null);
        }

        static Delta toolCall(ToolCallDelta piece) {
            return new Delta(null, null, List.of(piece), null, null);
        }

        /** A piece of reasoning text. */
        static Delta reasoning(String text) {
            return new Delta(null, null, null, text, null);
        }

        /** A finished reasoning block, whole with its signature, for the caller to send back later. */
        static Delta thinkingBlock(ChatCompletionResponse.Thinking block) {
            return new Delta(null, null, null, null, List.of(block));
        }
    }

    /**
     * A piece of a tool call, as OpenAI streams them: the first names the call's {@code id},
     * {@code type} and {@code function.name} (with empty arguments), the next ones add to its
     * {@code function.arguments}; {@code index} says which call a piece belongs to.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ToolCallDelta(int index, String id, String type, ChatCompletionResponse.Function function) {

        static ToolCallDelta start(int index, String id, String name) {
            return new ToolCallDelta(index, id, "function", new ChatCompletionResponse.Function(name, ""));
        }

        static ToolCallDelta arguments(int index, String fragment) {
            return new ToolCallDelta(index, null, null, new ChatCompletionResponse.Function(null, fragment));
        }
    }
}
