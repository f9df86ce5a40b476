package dev.switchboard.api.responses;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * OpenAI's {@code response} object, whole or as a stream's snapshot. Null fields are sent as null,
 * as OpenAI does: the SDKs require several of them ({@code error}, {@code incomplete_details},
 * {@code instructions}, {@code temperature}...) to be present even when empty. The request's
 * parameters come back as the caller sent them ({@link Echo}).
 */
@RegisterForReflection
public record ResponseObject(
        String id,
        String object,
        @JsonProperty("created_at") long createdAt,
        String status,
        Error error,
        @JsonProperty("incomplete_details") IncompleteDetails incompleteDetails,
        String instructions,
        @JsonProperty("max_output_tokens") Integer maxOutputTokens,
        String model,
        List<Object> output,
        @JsonProperty("parallel_tool_calls") boolean parallelToolCalls,
        @JsonProperty("previous_response_id") String previousResponseId,
        Reasoning reasoning,
        boolean store,
        Double temperature,
        Text text,
        @JsonProperty("tool_choice") Object toolChoice,
        List<FunctionTool> tools,
        @JsonProperty("top_p") Double topP,
        String truncation,
        Usage usage,
        String user,
        Map<String, String> metadata) {

    /**
     * What a response repeats of its request: the parameters as the caller sent them (null when not
     * sent), with the defaults OpenAI reports otherwise.
     */
    public record Echo(String instructions, List<FunctionTool> tools, Object toolChoice, boolean parallelToolCalls,
            Double temperature, Double topP, Integer maxOutputTokens, Text text, Reasoning reasoning,
            Map<String, String> metadata, String user) {

        public Echo {
            tools = tools == null ? List.of() : List.copyOf(tools);
            metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
        }
    }

    /** {@code code} is one of OpenAI's ({@code server_error}, ...). */
    public record Error(String code, String message) {
    }

    /** {@code max_output_tokens} or {@code content_filter}. */
    public record IncompleteDetails(String reason) {
    }

    public record Reasoning(String effort, String summary) {
    }

    /** @param verbosity OpenAI's {@code low}, {@code medium} or {@code high}; left out when not sent */
    public record Text(Format format, @JsonInclude(JsonInclude.Include.NON_NULL) String verbosity) {
    }

    /** {@code text}, {@code json_object}, or {@code json_schema} with its name, schema and strictness. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Format(String type, String name, String description, Object schema, Boolean strict) {

        public static final Format TEXT = new Format("text", null, null, null, null);
    }

    /** A function tool, in the Responses API's flat shape. */
    public record FunctionTool(String type, String name, String description, Object parameters, Boolean strict) {
    }

    /** A named tool choice, {@code {"type":"function","name":...}}. */
    public record FunctionChoice(String type, String name) {
    }

    /** An answer's text, as a {@code message} item. */
    public record Message(String type, String id, String status, String role, List<OutputText> content) {
    }

    public record OutputText(String type, String text, List<Object> annotations) {

        public static OutputText of(String text) {
            return new OutputText("output_text", text, List.of());
        }
    }

    /** A call of one of the request's functions; {@code call_id} is what its output refers to. */
    public record FunctionCall(String type, String id, @JsonProperty("call_id") String callId, String name,
            String arguments, String status) {
    }

    /** The model's reasoning, as a summary of its text. */
    public record ReasoningItem(String type, String id, List<SummaryText> summary) {
    }

    public record SummaryText(String type, String text) {

        public static SummaryText of(String text) {
            return new SummaryText("summary_text", text);
        }
    }

    public record Usage(
            @JsonProperty("input_tokens") int inputTokens,
            @JsonProperty("input_tokens_details") InputDetails inputDetails,
            @JsonProperty("output_tokens") int outputTokens,
            @JsonProperty("output_tokens_details") OutputDetails outputDetails,
            @JsonProperty("total_tokens") int totalTokens) {

        public static Usage of(dev.switchboard.chat.Usage usage) {
            return new Usage(usage.promptTokens(), new InputDetails(usage.cachedPromptTokens(), usage.cacheWriteTokens()),
                    usage.completionTokens(), new OutputDetails(usage.reasoningTokens()), usage.totalTokens());
        }
    }

    /** {@code cache_write_tokens}: the part written to the prompt cache (Anthropic bills it). */
    public record InputDetails(@JsonProperty("cached_tokens") int cachedTokens,
            @JsonProperty("cache_write_tokens") int cacheWriteTokens) {
    }

    public record OutputDetails(@JsonProperty("reasoning_tokens") int reasoningTokens) {
    }
}
