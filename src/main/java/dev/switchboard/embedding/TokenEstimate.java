package dev.switchboard.embedding;

import java.util.List;

/**
 * Input tokens for a provider that reports none (Gemini's embeddings answer has no usage). The gateway
 * has no tokenizer, so this is the usual rough rule of about four characters a token, rounded up per
 * input, the same rule the simulator uses for its usage figures. It is what the route's input price is
 * charged on, so spend for such routes is an estimate and src/docs/api.md says so.
 */
public final class TokenEstimate {

    private TokenEstimate() {
    }

    public static int of(List<String> inputs) {
        long tokens = 0;
        for (String input : inputs) {
            tokens += Math.max(1, (input.length() + 3L) / 4);
        }
        return (int) Math.min(Integer.MAX_VALUE, tokens);
    }
}
