package dev.switchboard.provider.gemini;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The body of {@code POST /v1beta/models/{model}:generateContent}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection
public record GeminiRequest(List<GeminiContent> contents, List<Tool> tools, ToolConfig toolConfig,
        GeminiContent systemInstruction, GenerationConfig generationConfig) {

    /**
     * Null fields are left out, so Gemini applies the model's own defaults for them.
     *
     * @param responseMimeType {@code application/json} when the answer must be JSON
     * @param responseSchema   the schema a JSON answer must follow, in Gemini's {@code Schema} form
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @RegisterForReflection
    public record GenerationConfig(
            Double temperature,
            Double topP,
            Integer maxOutputTokens,
            List<String> stopSequences,
            Long seed,
            Double presencePenalty,
            Double frequencyPenalty,
            String responseMimeType,
            JsonNode responseSchema,
            ThinkingConfig thinkingConfig) {
    }

    /**
     * @param thinkingBudget  tokens the model may think for; 0 turns thinking off where the model allows it
     * @param includeThoughts whether the answer carries the model's thought summaries (as {@code thought} parts)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @RegisterForReflection
    public record ThinkingConfig(Integer thinkingBudget, Boolean includeThoughts) {
    }

    /** Gemini groups functions in one tool; Switchboard sends them all in one. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @RegisterForReflection
    public record Tool(List<FunctionDeclaration> functionDeclarations) {
    }

    /** @param parameters the arguments' schema, in Gemini's {@code Schema} form */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @RegisterForReflection
    public record FunctionDeclaration(String name, String description, JsonNode parameters) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @RegisterForReflection
    public record ToolConfig(FunctionCallingConfig functionCallingConfig) {
    }

    /**
     * @param mode                 {@code AUTO}, {@code ANY} (some call must come) or {@code NONE}
     * @param allowedFunctionNames with {@code ANY}, the functions the call must be of
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @RegisterForReflection
    public record FunctionCallingConfig(String mode, List<String> allowedFunctionNames) {
    }
}
