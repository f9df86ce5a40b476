package dev.switchboard.embedding;

import java.util.List;
import java.util.Optional;

/**
 * What to embed, provider-neutral: the texts in order (the answer's vectors come in the same order)
 * and the vector size the caller asked for, if it did (already checked against a configured route).
 */
public record EmbeddingRequest(List<String> inputs, Optional<Integer> dimensions) {

    public EmbeddingRequest {
        inputs = List.copyOf(inputs);
    }
}
