package dev.switchboard.chat;

import java.util.Locale;

/** Why the model stopped, in OpenAI's vocabulary. */
public enum FinishReason {
    STOP, LENGTH, CONTENT_FILTER, TOOL_CALLS;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static FinishReason fromWire(String value) {
        if (value == null) {
            return STOP;
        }
        for (FinishReason reason : values()) {
            if (reason.wireName().equals(value)) {
                return reason;
            }
        }
        return STOP;
    }
}
