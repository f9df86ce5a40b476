package dev.switchboard.chat;

import java.util.List;

/**
 * One message of a conversation. Content is kept as its text parts so that each provider can
 * receive them in its own shape (a string, text blocks, parts) without losing the boundaries.
 *
 * @param name optional participant name; only OpenAI-format providers accept it
 */
public record ChatMessage(Role role, List<String> parts, String name) {

    public ChatMessage {
        parts = List.copyOf(parts);
    }

    public static ChatMessage of(Role role, String text) {
        return new ChatMessage(role, List.of(text), null);
    }

    /** The parts joined as one text, the way a provider that takes a single string reads them. */
    public String text() {
        return String.join("\n", parts);
    }
}
