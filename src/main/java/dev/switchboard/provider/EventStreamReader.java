package dev.switchboard.provider;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import dev.switchboard.chat.StreamEvent;
import io.smallrye.mutiny.Multi;

/**
 * Reads a provider's {@code text/event-stream} body, as the bytes arrive, into events, following the
 * WHATWG event-stream rules: lines end in LF, CRLF or CR (a CRLF split between two reads is still one
 * line end); {@code :} lines are comments; {@code data:} lines are joined with LF; one space after a
 * field's colon is dropped; a blank line ends an event, which is kept only when it has data; the
 * {@code id} and {@code retry} fields and unknown fields are ignored; an event the stream ends
 * before finishing is dropped. Text is UTF-8; a byte sequence that is not becomes U+FFFD.
 * <p>
 * The gateway reads events itself, from the body's bytes ({@link EventStreamBody}), rather than through
 * the REST client's SSE reader: that one keeps no bound on an event's size, so a provider sending a
 * line that never ends would grow the gateway's heap until it failed, and it builds each event
 * character by character. This reader bounds an event at {@value #MAX_EVENT_BYTES} bytes and decodes
 * whole lines at once. One reader per stream: it keeps the unfinished line and event between reads.
 */
public final class EventStreamReader {

    /** A provider that sends more than this without ending an event is not sending events. */
    static final int MAX_EVENT_BYTES = 1 << 20;

    /** One server-sent event: its {@code event:} field (null when it has none) and its data. */
    public record Event(String name, String data) {
    }

    private final ProviderId provider;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final StringBuilder data = new StringBuilder();
    private boolean hasData;
    private String name;
    private boolean afterCr;
    private boolean started;
    private long eventBytes;

    public EventStreamReader(ProviderId provider) {
        this.provider = provider;
    }

    /**
     * A provider's event stream, read and decoded: each subscription sends its own request and gets its
     * own reader and decoder. Whatever ends the stream early is typed as the provider's failure
     * ({@link FailureFallback#classify}).
     */
    public static Multi<StreamEvent> decode(ProviderId provider, Supplier<Multi<byte[]>> request,
            Supplier<StreamDecoder> decoders) {
        return Multi.createFrom().deferred(() -> {
            EventStreamReader reader = new EventStreamReader(provider);
            StreamDecoder decoder = decoders.get();
            return request.get().onItem().transformToIterable(chunk -> {
                List<Event> events = reader.read(chunk);
                if (events.isEmpty()) {
                    return List.<StreamEvent>of();
                }
                if (events.size() == 1) {
                    return decoder.decode(events.get(0).name(), events.get(0).data());
                }
                List<StreamEvent> decoded = new ArrayList<>();
                for (Event event : events) {
                    decoded.addAll(decoder.decode(event.name(), event.data()));
                }
                return decoded;
            });
        }).onFailure().transform(error -> FailureFallback.classify(provider, error));
    }

    /** The events this read finished, in order; possibly none. */
    public List<Event> read(byte[] chunk) {
        List<Event> events = List.of();
        int lineStart = 0;
        for (int i = 0; i < chunk.length; i++) {
            byte b = chunk[i];
            if (b != '\n' && b != '\r') {
                afterCr = false;
                continue;
            }
            boolean secondHalfOfCrLf = b == '\n' && afterCr;
            afterCr = b == '\r';
            if (secondHalfOfCrLf) {
                lineStart = i + 1;
                continue;
            }
            Event finished = endLine(chunk, lineStart, i);
            if (finished != null) {
                if (events.isEmpty()) {
                    events = new ArrayList<>(2);
                }
                events.add(finished);
            }
            lineStart = i + 1;
        }
        if (lineStart < chunk.length) {
            line.write(chunk, lineStart, chunk.length - lineStart);
            countBytes(chunk.length - lineStart);
        }
        return events;
    }

    /** A line is complete: the bytes held from earlier reads, then {@code chunk[from, to)}. */
    private Event endLine(byte[] chunk, int from, int to) {
        countBytes(to - from);
        String text;
        if (line.size() == 0) {
            text = new String(chunk, from, to - from, StandardCharsets.UTF_8);
        } else {
            line.write(chunk, from, to - from);
            text = line.toString(StandardCharsets.UTF_8);
            line.reset();
        }
        if (!started) {
            started = true;
            if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
                text = text.substring(1);
            }
        }
        return text.isEmpty() ? dispatch() : field(text);
    }

    private Event field(String text) {
        int colon = text.indexOf(':');
        if (colon == 0) {
            return null;
        }
        String field = colon < 0 ? text : text.substring(0, colon);
        int valueStart = colon < 0 ? text.length() : colon + 1;
        if (valueStart < text.length() && text.charAt(valueStart) == ' ') {
            valueStart++;
        }
        if ("data".equals(field)) {
            if (hasData) {
                data.append('\n');
            }
            data.append(text, valueStart, text.length());
            hasData = true;
        } else if ("event".equals(field)) {
            name = text.substring(valueStart);
        }
        return null;
    }

    private Event dispatch() {
        Event event = hasData ? new Event(name == null || name.isEmpty() ? null : name, data.toString()) : null;
        data.setLength(0);
        hasData = false;
        name = null;
        eventBytes = 0;
        return event;
    }

    private void countBytes(int count) {
        eventBytes += count;
        if (eventBytes > MAX_EVENT_BYTES) {
            throw new ProviderFailure.MalformedResponse(provider,
                    "an event-stream event longer than " + MAX_EVENT_BYTES + " bytes", null);
        }
    }
}
