package dev.switchboard.chat;

/**
 * Tokens billed for one completion. Counts come from providers as they report them, but a usage is
 * never negative and its parts never exceed their whole: whatever a misbehaving server sends (a
 * fuzzed {@code "cached_tokens": -1} made a bill negative), the cost worked out from it cannot be
 * less than zero. Sums saturate instead of overflowing.
 *
 * @param promptTokens       every input token, those read from and written to the provider's prompt
 *                           cache included
 * @param completionTokens   output tokens, reasoning included (every provider bills thinking as output)
 * @param cachedPromptTokens the part of {@code promptTokens} read from the prompt cache, which providers
 *                           bill at a discount
 * @param cacheWriteTokens   the part of {@code promptTokens} written to the prompt cache (Anthropic),
 *                           which costs more than plain input; never more than the uncached part
 * @param reasoningTokens    the part of {@code completionTokens} the model spent thinking
 */
public record Usage(int promptTokens, int completionTokens, int cachedPromptTokens, int cacheWriteTokens,
        int reasoningTokens) {

    public static final Usage NONE = new Usage(0, 0);

    public Usage {
        promptTokens = Math.max(0, promptTokens);
        completionTokens = Math.max(0, completionTokens);
        cachedPromptTokens = Math.min(Math.max(0, cachedPromptTokens), promptTokens);
        cacheWriteTokens = Math.min(Math.max(0, cacheWriteTokens), promptTokens - cachedPromptTokens);
        reasoningTokens = Math.min(Math.max(0, reasoningTokens), completionTokens);
    }

    public Usage(int promptTokens, int completionTokens, int cachedPromptTokens) {
        this(promptTokens, completionTokens, cachedPromptTokens, 0, 0);
    }

    public Usage(int promptTokens, int completionTokens) {
        this(promptTokens, completionTokens, 0);
    }

    public Usage plus(Usage other) {
        return new Usage(sum(promptTokens, other.promptTokens), sum(completionTokens, other.completionTokens),
                sum(cachedPromptTokens, other.cachedPromptTokens), sum(cacheWriteTokens, other.cacheWriteTokens),
                sum(reasoningTokens, other.reasoningTokens));
    }

    public int totalTokens() {
        return sum(promptTokens, completionTokens);
    }

    private static int sum(int a, int b) {
        return (int) Math.min(Integer.MAX_VALUE, (long) a + b);
    }
}
