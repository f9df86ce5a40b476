package dev.switchboard.chat;

import java.util.Locale;
import java.util.Optional;

/** Who said a message, in the OpenAI vocabulary the gateway speaks. */
public enum Role {
    SYSTEM, DEVELOPER, USER, ASSISTANT,
    /** A tool's result, sent back by the caller after an assistant turn called the tool. */
    TOOL;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** System and developer messages are instructions; providers without the roles take them as a system prompt. */
    public boolean isInstruction() {
        return this == SYSTEM || this == DEVELOPER;
    }

    public static Optional<Role> fromWire(String name) {
        for (Role role : values()) {
            if (role.wireName().equals(name)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
