package dev.switchboard.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;


/**
 * Where a continued answer meets the start it continues. The caller already has the start's
 * trailing whitespace, and a model continuing it tends to begin with that whitespace again
 * (" world" after "Hello "), all the more where the provider refuses trailing whitespace in a
 * prefill (Anthropic: "final assistant content cannot end with trailing whitespace") and it had to
 * be cut before sending. The seam drops as much of the continuation's start as repeats that
 * whitespace, so the caller reads "Hello world", not "Hello  world". One per continuation.
 */
public final class PrefillSeam {

    private String repeatable;

    private PrefillSeam(String cut) {
        this.repeatable = cut;
    }

    /** The prefill as Anthropic takes it: without trailing whitespace, and none if that leaves nothing. */
    public static Optional<String> sendable(Optional<String> prefill) {
        return prefill.map(String::stripTrailing).filter(start -> !start.isEmpty());
    }

    /** The seam for a stream that continues {@code prefill}: its trailing whitespace may be repeated. */
    public static PrefillSeam after(Optional<String> prefill) {
        String whole = prefill.orElse("");
        return new PrefillSeam(whole.substring(sendable(prefill).orElse("").length()));
    }

    /** The events with the repeated whitespace left out of the continuation's first text. */
    public List<StreamEvent> join(List<StreamEvent> events) {
        if (repeatable.isEmpty()) {
            return events;
        }
        List<StreamEvent> joined = new ArrayList<>(events.size());
        for (StreamEvent event : events) {
            if (event instanceof StreamEvent.Text text && !repeatable.isEmpty()) {
                String rest = withoutRepeat(text.text());
                if (!rest.isEmpty()) {
                    joined.add(new StreamEvent.Text(rest));
                }
            } else {
                joined.add(event);
            }
        }
        return joined;
    }

    /** Drops the part of {@code text} that repeats what was cut; past the first other character, nothing more. */
    private String withoutRepeat(String text) {
        int same = 0;
        while (same < text.length() && same < repeatable.length() && text.charAt(same) == repeatable.charAt(same)) {
            same++;
        }
        repeatable = same == text.length() ? repeatable.substring(same) : "";
        return text.substring(same);
    }
}
