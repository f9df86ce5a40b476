package dev.switchboard.provider.anthropic;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A Messages API request ({@code POST /v1/messages}). Only what Switchboard translates is modelled;
 * unset fields are left out rather than sent as null, so the API applies its own defaults.
 *
 * @param maxTokens required by the Messages API, unlike the OpenAI format
 * @param system    every instruction of the conversation, as one string
 * @param stream    true to have the answer sent as server-sent events; null (left out) for a whole message
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection
public record AnthropicRequest(
        String model,
        @JsonProperty("max_tokens") int maxTokens,
        String system,
        List<Message> messages,
        Double temperature,
        @JsonProperty("top_p") Double topP,
        @JsonProperty("stop_sequences") List<String> stopSequences,
        Metadata metadata,
        Boolean stream) {

    /** The same request, answered as a stream of events. */
    public AnthropicRequest streamed() {
        return new AnthropicRequest(model, maxTokens, system, messages, temperature, topP, stopSequences, metadata,
                true);
    }

    /** A turn of the conversation: {@code role} is {@code user} or {@code assistant}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Message(String role, List<TextBlock> content) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TextBlock(String type, String text) {

        public static TextBlock of(String text) {
            return new TextBlock("text", text);
        }
    }

    /** @param userId an opaque id of the end user, which Anthropic uses to detect abuse */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Metadata(@JsonProperty("user_id") String userId) {
    }
}
