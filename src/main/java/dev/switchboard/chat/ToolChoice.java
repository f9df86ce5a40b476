package dev.switchboard.chat;

import java.util.Locale;

/**
 * Whether and which tools the model must call.
 *
 * @param function the function it must call, only with {@link Mode#FUNCTION}
 */
public record ToolChoice(Mode mode, String function) {

    public static final ToolChoice AUTO = new ToolChoice(Mode.AUTO, null);
    public static final ToolChoice NONE = new ToolChoice(Mode.NONE, null);
    public static final ToolChoice REQUIRED = new ToolChoice(Mode.REQUIRED, null);

    public static ToolChoice function(String name) {
        return new ToolChoice(Mode.FUNCTION, name);
    }

    public enum Mode {
        /** The model decides (OpenAI's default when tools are offered). */
        AUTO,
        /** No tool call, only text. */
        NONE,
        /** At least one tool call. */
        REQUIRED,
        /** A call of the named function. */
        FUNCTION;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
