package dev.switchboard.provider.anthropic;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A Messages API response ({@code type: "message"}). Anthropic's versioning policy lets it add
 * response fields and block types without a new {@code anthropic-version}, so unknown ones are ignored.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@RegisterForReflection
public record AnthropicResponse(
        String id,
        String type,
        String role,
        String model,
        List<ContentBlock> content,
        @JsonProperty("stop_reason") String stopReason,
        @JsonProperty("stop_sequence") String stopSequence,
        Usage usage) {

    /**
     * A block of the answer: {@code text} carries text; {@code tool_use} its {@code id}, {@code name}
     * and {@code input}; {@code thinking} its {@code thinking} and {@code signature};
     * {@code redacted_thinking} its {@code data}. Other types (server tools' blocks) are not read.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ContentBlock(String type, String text, String id, String name, JsonNode input, String thinking,
            String signature, String data) {

        public ContentBlock(String type, String text) {
            this(type, text, null, null, null, null, null, null);
        }
    }

    /** {@code input_tokens} counts only the uncached input; the two cache counts are the rest of the prompt. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Usage(
            @JsonProperty("input_tokens") Integer inputTokens,
            @JsonProperty("output_tokens") Integer outputTokens,
            @JsonProperty("cache_creation_input_tokens") Integer cacheCreationInputTokens,
            @JsonProperty("cache_read_input_tokens") Integer cacheReadInputTokens) {
    }
}
