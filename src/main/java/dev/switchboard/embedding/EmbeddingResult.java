package dev.switchboard.embedding;

import java.util.List;

/**
 * One provider's answer: a vector per input, in the inputs' order, the tokens it billed and the model
 * that answered (null when the provider does not say).
 *
 * @param promptTokens the provider's count, or an estimate where it reports none (see {@link TokenEstimate})
 */
public record EmbeddingResult(List<float[]> vectors, int promptTokens, String model) {

    public EmbeddingResult {
        vectors = List.copyOf(vectors);
        promptTokens = Math.max(0, promptTokens);
    }
}
