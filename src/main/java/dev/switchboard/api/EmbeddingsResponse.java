package dev.switchboard.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The OpenAI embeddings answer: {@code {"object":"list","data":[{"object":"embedding","index":i,
 * "embedding":[...] or "base64"}],"model":...,"usage":{"prompt_tokens":n,"total_tokens":n}}}.
 *
 * @param data each item's {@code embedding} a {@code float[]} or, for {@code encoding_format: "base64"},
 *             the little-endian float32 bytes in base64
 */
@RegisterForReflection
public record EmbeddingsResponse(String object, List<Item> data, String model, Usage usage) {

    public record Item(String object, int index, Object embedding) {
    }

    public record Usage(@JsonProperty("prompt_tokens") int promptTokens, @JsonProperty("total_tokens") int totalTokens) {
    }
}
