package dev.switchboard.api.responses;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The body of {@code POST /v1/responses} as callers send it. Fields whose shape varies (a string or
 * items, a string or an object) stay JSON for {@link ResponsesRequestReader} to check with the
 * parameter's path; parameters it does not model land in {@link #extra()}, as for chat.
 */
@RegisterForReflection
public record ResponsesRequest(
        String model,
        JsonNode input,
        JsonNode instructions,
        JsonNode tools,
        @JsonProperty("tool_choice") JsonNode toolChoice,
        @JsonProperty("parallel_tool_calls") JsonNode parallelToolCalls,
        JsonNode text,
        JsonNode reasoning,
        @JsonProperty("max_output_tokens") Integer maxOutputTokens,
        Double temperature,
        @JsonProperty("top_p") Double topP,
        String user,
        JsonNode metadata,
        JsonNode store,
        Boolean stream,
        @JsonProperty("previous_response_id") JsonNode previousResponseId,
        JsonNode background,
        JsonNode conversation,
        JsonNode prompt,
        /** Switchboard's own: the routes to try after {@code model}, in order. */
        List<String> fallbacks,
        @JsonAnySetter Map<String, JsonNode> extra) {

    public ResponsesRequest {
        extra = extra == null ? new LinkedHashMap<>() : extra;
    }
}
