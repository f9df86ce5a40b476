package dev.switchboard.provider.gemini;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Gemini's embeddings answers, as documented: one {@code ContentEmbedding} or a list of them. */
public final class GeminiEmbeddings {

    private GeminiEmbeddings() {
    }

    /** A {@code ContentEmbedding}: {@code {"values":[...]}}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @RegisterForReflection
    public record Values(float[] values) {
    }

    /** The answer of {@code models/{model}:embedContent}: {@code {"embedding":{"values":[...]}}}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @RegisterForReflection
    public record Single(Values embedding) {
    }

    /** The answer of {@code models/{model}:batchEmbedContents}: {@code {"embeddings":[{"values":[...]}]}}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @RegisterForReflection
    public record Batch(List<Values> embeddings) {
    }
}
