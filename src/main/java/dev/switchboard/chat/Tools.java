package dev.switchboard.chat;

import java.util.List;
import java.util.Optional;

/**
 * The tools a request offers and how they may be called.
 *
 * @param choice   null when the caller set no {@code tool_choice} (each provider's default applies)
 * @param parallel whether several calls may come in one answer; null when the caller did not say
 */
public record Tools(List<Tool> definitions, ToolChoice choice, Boolean parallel) {

    public static final Tools NONE = new Tools(List.of(), null, null);

    public Tools {
        definitions = List.copyOf(definitions);
    }

    public boolean offered() {
        return !definitions.isEmpty();
    }

    public Optional<Tool> named(String name) {
        return definitions.stream().filter(tool -> tool.name().equals(name)).findFirst();
    }
}
