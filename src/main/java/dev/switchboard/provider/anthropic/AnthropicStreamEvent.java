package dev.switchboard.provider.anthropic;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The data of one event of a streamed Messages answer. Every event names its {@code type}; the other
 * fields belong to particular types, so one record reads them all:
 * {@code message_start} has the {@code message} (with empty content), {@code content_block_start}
 * the {@code content_block}, {@code content_block_delta} a block's {@code delta}, and
 * {@code message_delta} the message's {@code delta} and its cumulative {@code usage}.
 * An {@code error} event is an {@link AnthropicErrorResponse}. Unknown fields are ignored, as in
 * {@link AnthropicResponse}: Anthropic adds them without a new version.
 *
 * @param index the position of the block in the finished message's {@code content}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@RegisterForReflection
public record AnthropicStreamEvent(
        String type,
        AnthropicResponse message,
        Integer index,
        @JsonProperty("content_block") AnthropicResponse.ContentBlock contentBlock,
        Delta delta,
        AnthropicResponse.Usage usage) {

    /**
     * A block's delta ({@code text_delta} carries {@code text}, {@code input_json_delta} a piece of a
     * tool's input as {@code partial_json}, {@code thinking_delta} {@code thinking} and
     * {@code signature_delta} the block's {@code signature}), or the message's, which has no type and
     * carries {@code stop_reason} and {@code stop_sequence}.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Delta(
            String type,
            String text,
            @JsonProperty("partial_json") String partialJson,
            String thinking,
            String signature,
            @JsonProperty("stop_reason") String stopReason,
            @JsonProperty("stop_sequence") String stopSequence) {
    }
}
