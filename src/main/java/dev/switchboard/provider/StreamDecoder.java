package dev.switchboard.provider;

import java.util.List;

import dev.switchboard.chat.StreamEvent;

/**
 * Reads one provider's server-sent events as {@link StreamEvent}s. An error event, or data that is
 * not the documented schema, is thrown as the {@link ProviderFailure} it means, never passed on.
 */
public interface StreamDecoder {

    /**
     * @param event the SSE {@code event:} field, or null when the event has none
     * @param data  the SSE {@code data:} field
     * @return the events this one means, possibly none (a ping, an empty delta)
     */
    List<StreamEvent> decode(String event, String data);
}
