package dev.switchboard.provider.anthropic;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A Messages API request ({@code POST /v1/messages}). Only what Switchboard translates is modelled;
 * unset fields are left out rather than sent as null, so the API applies its own defaults.
 *
 * @param maxTokens    required by the Messages API, unlike the OpenAI format
 * @param system       every instruction of the conversation: one string, or text blocks when some
 *                     carry a prompt-cache breakpoint
 * @param stream       true to have the answer sent as server-sent events; null (left out) for a whole message
 * @param outputConfig structured outputs: the JSON Schema the answer follows
 * @param thinking     extended thinking, with its budget of output tokens
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection
public record AnthropicRequest(
        String model,
        @JsonProperty("max_tokens") int maxTokens,
        Object system,
        List<Message> messages,
        Double temperature,
        @JsonProperty("top_p") Double topP,
        @JsonProperty("stop_sequences") List<String> stopSequences,
        Metadata metadata,
        Boolean stream,
        List<ToolDefinition> tools,
        @JsonProperty("tool_choice") ToolChoice toolChoice,
        @JsonProperty("output_config") OutputConfig outputConfig,
        Thinking thinking,
        @JsonProperty("top_k") Integer topK) {

    /** A request with text only, as before tools. */
    public AnthropicRequest(String model, int maxTokens, Object system, List<Message> messages, Double temperature,
            Double topP, List<String> stopSequences, Metadata metadata, Boolean stream) {
        this(model, maxTokens, system, messages, temperature, topP, stopSequences, metadata, stream, null, null, null,
                null, null);
    }

    /** The same request, answered as a stream of events. */
    public AnthropicRequest streamed() {
        return new AnthropicRequest(model, maxTokens, system, messages, temperature, topP, stopSequences, metadata,
                true, tools, toolChoice, outputConfig, thinking, topK);
    }

    /** A turn of the conversation: {@code role} is {@code user} or {@code assistant}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Message(String role, List<Block> content) {
    }

    /**
     * One content block; its {@code type} says which fields it has: {@code text} (text), {@code image}
     * (source), {@code tool_use} (id, name, input), {@code tool_result} (tool_use_id, content),
     * {@code thinking} (thinking, signature), {@code redacted_thinking} (data). Any block may carry a
     * prompt-cache breakpoint.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Block(
            String type,
            String text,
            ImageSource source,
            String id,
            String name,
            JsonNode input,
            @JsonProperty("tool_use_id") String toolUseId,
            List<Block> content,
            @JsonProperty("cache_control") CacheControl cacheControl,
            String thinking,
            String signature,
            String data) {

        public static Block of(String text) {
            return text(text, null);
        }

        public static Block text(String text, CacheControl cache) {
            return new Block("text", text, null, null, null, null, null, null, cache, null, null, null);
        }

        public static Block image(ImageSource source, CacheControl cache) {
            return new Block("image", null, source, null, null, null, null, null, cache, null, null, null);
        }

        public static Block toolUse(String id, String name, JsonNode input) {
            return new Block("tool_use", null, null, id, name, input, null, null, null, null, null, null);
        }

        public static Block toolResult(String toolUseId, List<Block> content) {
            return new Block("tool_result", null, null, null, null, null, toolUseId, content, null, null, null, null);
        }

        public static Block thinking(String thinking, String signature) {
            return new Block("thinking", null, null, null, null, null, null, null, null, thinking, signature, null);
        }

        public static Block redactedThinking(String data) {
            return new Block("redacted_thinking", null, null, null, null, null, null, null, null, null, null, data);
        }

        /** The same block with a prompt-cache breakpoint. */
        public Block cached(CacheControl cache) {
            return new Block(type, text, source, id, name, input, toolUseId, content, cache, thinking, signature, data);
        }
    }

    /** {@code base64} with {@code media_type} and {@code data}, or {@code url} with {@code url}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ImageSource(String type, @JsonProperty("media_type") String mediaType, String data, String url) {
    }

    /** @param ttl {@code 5m} or {@code 1h}; left out for the default (5 minutes) */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CacheControl(String type, String ttl) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ToolDefinition(String name, String description, @JsonProperty("input_schema") JsonNode inputSchema,
            Boolean strict, @JsonProperty("cache_control") CacheControl cacheControl) {

        public ToolDefinition cached(CacheControl cache) {
            return new ToolDefinition(name, description, inputSchema, strict, cache);
        }
    }

    /** @param type {@code auto}, {@code any}, {@code tool} (with {@code name}) or {@code none} */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ToolChoice(String type, String name,
            @JsonProperty("disable_parallel_tool_use") Boolean disableParallelToolUse) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record OutputConfig(Format format) {
    }

    /** @param type {@code json_schema} */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Format(String type, JsonNode schema) {
    }

    /** @param type {@code enabled}; {@code budget_tokens} at least 1,024 and below {@code max_tokens} */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Thinking(String type, @JsonProperty("budget_tokens") Integer budgetTokens) {
    }

    /** @param userId an opaque id of the end user, which Anthropic uses to detect abuse */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Metadata(@JsonProperty("user_id") String userId) {
    }
}
