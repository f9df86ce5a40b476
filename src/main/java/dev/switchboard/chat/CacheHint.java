package dev.switchboard.chat;

/**
 * A prompt-cache breakpoint: the conversation up to and including the part that carries it may be
 * cached by a provider that caches on request (Anthropic's {@code cache_control}). Providers that
 * cache on their own (OpenAI, Gemini) ignore it.
 *
 * @param ttl how long the entry lives ({@code 5m} or {@code 1h}); null for the provider's default
 */
public record CacheHint(String ttl) {

    public static final CacheHint EPHEMERAL = new CacheHint(null);
}
