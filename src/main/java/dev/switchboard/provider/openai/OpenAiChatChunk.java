package dev.switchboard.provider.openai;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** One event of a streamed Chat Completion ({@code object: "chat.completion.chunk"}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection
public record OpenAiChatChunk(
        String id,
        String object,
        Long created,
        String model,
        List<Choice> choices,
        OpenAiChatResponse.Usage usage,
        @JsonProperty("system_fingerprint") String systemFingerprint) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Choice(Integer index, Delta delta, JsonNode logprobs,
            @JsonProperty("finish_reason") String finishReason) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Delta(String role, String content, String refusal,
            @JsonProperty("tool_calls") List<ToolCallDelta> toolCalls,
            @JsonProperty("reasoning_content") @JsonAlias("reasoning") String reasoningContent) {

        public Delta(String role, String content) {
            this(role, content, null, null, null);
        }
    }

    /**
     * A piece of a tool call: the first for a call has its {@code id}, {@code type} and
     * {@code function.name}; later ones only its {@code index} and more {@code function.arguments}.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ToolCallDelta(Integer index, String id, String type, OpenAiChatResponse.Function function) {
    }
}
