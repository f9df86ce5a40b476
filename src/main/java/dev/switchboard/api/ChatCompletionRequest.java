package dev.switchboard.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The body of {@code POST /v1/chat/completions} as callers send it. Parameters Switchboard does not
 * model land in {@link #extra()}; {@link ChatRequestValidator} decides what each of them means.
 */
@RegisterForReflection
public record ChatCompletionRequest(
        String model,
        List<WireMessage> messages,
        Double temperature,
        @JsonProperty("top_p") Double topP,
        @JsonProperty("max_tokens") Integer maxTokens,
        @JsonProperty("max_completion_tokens") Integer maxCompletionTokens,
        JsonNode stop,
        Integer n,
        Long seed,
        String user,
        Boolean stream,
        /** Switchboard's own: the routes to try after {@code model}, in order. */
        List<String> fallbacks,
        JsonNode tools,
        @JsonProperty("tool_choice") JsonNode toolChoice,
        @JsonProperty("parallel_tool_calls") JsonNode parallelToolCalls,
        @JsonProperty("response_format") JsonNode responseFormat,
        @JsonAnySetter Map<String, JsonNode> extra) {

    public ChatCompletionRequest {
        extra = extra == null ? new LinkedHashMap<>() : extra;
    }

    /**
     * One message; {@code content} is a string or an array of content parts. An assistant message may
     * carry {@code tool_calls}, a tool message names the call it answers in {@code tool_call_id}, and
     * any message may set a prompt-cache breakpoint ({@code cache_control}) on its last part.
     */
    public record WireMessage(String role, JsonNode content, String name,
            @JsonProperty("tool_calls") JsonNode toolCalls,
            @JsonProperty("tool_call_id") JsonNode toolCallId,
            @JsonProperty("cache_control") JsonNode cacheControl,
            @JsonProperty("thinking_blocks") JsonNode thinkingBlocks,
            @JsonAnySetter Map<String, JsonNode> extra) {
        public WireMessage {
            extra = extra == null ? new LinkedHashMap<>() : extra;
        }
    }
}
