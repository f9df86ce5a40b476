package dev.switchboard.provider.gemini;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The body of {@code POST /v1beta/models/{model}:generateContent}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection
public record GeminiRequest(List<GeminiContent> contents, GeminiContent systemInstruction,
        GenerationConfig generationConfig) {

    /** Null fields are left out, so Gemini applies the model's own defaults for them. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record GenerationConfig(
            Double temperature,
            Double topP,
            Integer maxOutputTokens,
            List<String> stopSequences,
            Long seed,
            Double presencePenalty,
            Double frequencyPenalty) {
    }
}
