package dev.switchboard.chat;

import java.util.Optional;
import java.util.Set;

/** What Switchboard knows about OpenAI request parameters it does not translate itself. */
public final class Parameters {

    /**
     * Metadata-like parameters that do not change the answer: forwarded to OpenAI-format upstreams,
     * dropped silently for providers that have no equivalent.
     */
    public static final Set<String> DROPPABLE = Set.of(
            "metadata", "store", "service_tier", "prompt_cache_key", "safety_identifier", "stream_options");

    /** Parameters whose support (audio, web search) comes in a later release. */
    public static final Set<String> NOT_YET_SUPPORTED = Set.of("audio", "modalities", "web_search_options");

    /** OpenAI's deprecated forerunners of {@code tools} and {@code tool_choice}, refused with a pointer to them. */
    public static final Set<String> DEPRECATED = Set.of("functions", "function_call");

    /** OpenAI's reasoning effort; Anthropic and Gemini translate it to their thinking budgets. */
    public static final String REASONING_EFFORT = "reasoning_effort";

    /**
     * Sampling from the k likeliest tokens: not an OpenAI parameter, but the Messages API's
     * {@code top_k}; Anthropic takes it, other providers decline it.
     */
    public static final String TOP_K = "top_k";

    private Parameters() {
    }

    /** The first extra parameter a provider without OpenAI pass-through cannot honour, if any. */
    public static Optional<String> firstUntranslatable(ChatRequest request) {
        return firstUntranslatable(request, Set.of());
    }

    /** The same, for a provider that translates the extra parameters in {@code translated}. */
    public static Optional<String> firstUntranslatable(ChatRequest request, Set<String> translated) {
        return request.extraParams().keySet().stream()
                .filter(name -> !DROPPABLE.contains(name) && !translated.contains(name))
                .sorted()
                .findFirst();
    }
}
