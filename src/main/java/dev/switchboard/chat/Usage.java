package dev.switchboard.chat;

/** Tokens billed for one completion. */
public record Usage(int promptTokens, int completionTokens) {

    public static final Usage NONE = new Usage(0, 0);

    public Usage plus(Usage other) {
        return new Usage(promptTokens + other.promptTokens, completionTokens + other.completionTokens);
    }

    public int totalTokens() {
        return promptTokens + completionTokens;
    }
}
