package dev.switchboard.provider.openai;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** A Chat Completions response ({@code object: "chat.completion"}), as OpenAI-format servers send it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection
public record OpenAiChatResponse(
        String id,
        String object,
        Long created,
        String model,
        List<Choice> choices,
        Usage usage,
        @JsonProperty("system_fingerprint") String systemFingerprint) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Choice(Integer index, Message message, JsonNode logprobs,
            @JsonProperty("finish_reason") String finishReason) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    /**
     * @param reasoningContent the reasoning text of servers that show it (vLLM, DeepSeek, Ollama...);
     *                         some call it {@code reasoning}
     */
    public record Message(String role, String content, String refusal,
            @JsonProperty("tool_calls") List<ToolCall> toolCalls,
            @JsonProperty("reasoning_content") @JsonAlias("reasoning") String reasoningContent) {

        public Message(String role, String content) {
            this(role, content, null, null, null);
        }
    }

    /** A call the model asked for; {@code function.arguments} is JSON text. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ToolCall(String id, String type, Function function) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Function(String name, String arguments) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Usage(
            @JsonProperty("prompt_tokens") Integer promptTokens,
            @JsonProperty("completion_tokens") Integer completionTokens,
            @JsonProperty("total_tokens") Integer totalTokens,
            @JsonProperty("prompt_tokens_details") PromptTokensDetails promptTokensDetails,
            @JsonProperty("completion_tokens_details") CompletionTokensDetails completionTokensDetails) {

        /** The cached part of the prompt tokens (already counted in them), 0 when not reported. */
        public int cachedTokens() {
            return promptTokensDetails == null || promptTokensDetails.cachedTokens() == null ? 0
                    : promptTokensDetails.cachedTokens();
        }

        /** The reasoning part of the completion tokens (already counted in them), 0 when not reported. */
        public int reasoningTokens() {
            return completionTokensDetails == null || completionTokensDetails.reasoningTokens() == null ? 0
                    : completionTokensDetails.reasoningTokens();
        }

        /** In Switchboard's terms. */
        public dev.switchboard.chat.Usage counted() {
            return new dev.switchboard.chat.Usage(orZero(promptTokens), orZero(completionTokens), cachedTokens(), 0,
                    reasoningTokens());
        }

        private static int orZero(Integer value) {
            return value == null ? 0 : value;
        }
    }

    public record CompletionTokensDetails(@JsonProperty("reasoning_tokens") Integer reasoningTokens) {
    }

    public record PromptTokensDetails(@JsonProperty("cached_tokens") Integer cachedTokens) {
    }
}
