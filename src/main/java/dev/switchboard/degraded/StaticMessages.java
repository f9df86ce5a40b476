package dev.switchboard.degraded;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import dev.switchboard.config.SwitchboardConfig;

/**
 * What a request gets when every route has failed and no answer to it is remembered: one message per
 * category. The seed's three categories are built in; configuration rewords them or adds more.
 */
public final class StaticMessages {

    /**
     * The seed's messages, less its placeholders (a list of "[links]", a support address at
     * example.com) that no deployment should show its users: set your own to point users somewhere.
     */
    static final Map<String, String> BUILT_IN = Map.of(
            "general", "I'm experiencing technical difficulties. Please try again in a few minutes.",
            "search", "Search is temporarily unavailable. Please try again in a few minutes.",
            "support", "Our AI assistant is temporarily offline. Please contact our support team.");

    private final Map<String, String> messages;
    private final String defaultCategory;

    StaticMessages(SwitchboardConfig.Degraded config) {
        this.messages = catalogue(config);
        this.defaultCategory = config.defaultCategory();
    }

    /** Every category and its message: the built-in ones, then the configured ones over them. */
    public static Map<String, String> catalogue(SwitchboardConfig.Degraded config) {
        Map<String, String> all = new TreeMap<>(BUILT_IN);
        all.putAll(config.messages());
        return all;
    }

    public Set<String> categories() {
        return messages.keySet();
    }

    public boolean knows(String category) {
        return messages.containsKey(category);
    }

    /** The category of requests whose header and route name none. */
    public String defaultCategory() {
        return defaultCategory;
    }

    public Optional<String> message(String category) {
        return Optional.ofNullable(messages.get(category));
    }
}
