package dev.switchboard.provider.gemini;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** A {@code GenerateContentResponse}; fields Switchboard does not read (safety ratings, logprobs...) are ignored. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection
public record GeminiResponse(
        List<Candidate> candidates,
        PromptFeedback promptFeedback,
        UsageMetadata usageMetadata,
        String modelVersion,
        String responseId) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Candidate(GeminiContent content, String finishReason, Integer index) {
    }

    /** Set only when the prompt itself was blocked, in which case there are no candidates. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PromptFeedback(String blockReason) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record UsageMetadata(
            Integer promptTokenCount,
            Integer candidatesTokenCount,
            Integer totalTokenCount,
            Integer thoughtsTokenCount,
            Integer cachedContentTokenCount) {
    }
}
