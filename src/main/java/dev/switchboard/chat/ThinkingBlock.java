package dev.switchboard.chat;

/**
 * A block of the model's reasoning, as a provider that shows it returns it. Anthropic signs each
 * thinking block and requires it back unchanged, signature and all, when the conversation continues
 * after a tool call; a block its safety systems flagged comes encrypted, as {@code redacted}.
 *
 * @param thinking  the reasoning text; empty for a redacted block
 * @param signature the provider's signature of the block, or null (OpenAI-format servers sign nothing)
 * @param redacted  the encrypted content of a redacted block, or null
 */
public record ThinkingBlock(String thinking, String signature, String redacted) {

    public static ThinkingBlock text(String thinking) {
        return new ThinkingBlock(thinking, null, null);
    }

    public boolean isRedacted() {
        return redacted != null;
    }
}
