package dev.switchboard.chat;

/**
 * Tokens billed for one completion.
 *
 * @param promptTokens       every input token, those read from the provider's prompt cache included
 * @param completionTokens   output tokens (thinking included where the provider bills it as output)
 * @param cachedPromptTokens the part of {@code promptTokens} read from the prompt cache, which providers
 *                           bill at a discount
 */
public record Usage(int promptTokens, int completionTokens, int cachedPromptTokens) {

    public static final Usage NONE = new Usage(0, 0);

    public Usage(int promptTokens, int completionTokens) {
        this(promptTokens, completionTokens, 0);
    }

    public Usage plus(Usage other) {
        return new Usage(promptTokens + other.promptTokens, completionTokens + other.completionTokens,
                cachedPromptTokens + other.cachedPromptTokens);
    }

    public int totalTokens() {
        return promptTokens + completionTokens;
    }
}
