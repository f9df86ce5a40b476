package dev.switchboard.simulator;

import java.time.Duration;
import java.util.List;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;

/**
 * Plays a stream's events to the client as a provider sends them: status and headers at once, then
 * the events at a steady pace, the first one after the fault's delay (time to first token).
 * Nothing is produced before the client's side asks for it: each event is made and delayed only
 * once the previous one has been written out, so a slow client holds the stream back instead of
 * filling memory, and a stream fault acts exactly after the events it lets through.
 */
final class StreamPlayback {

    /** The time between events: long enough to watch a stream arrive, short enough to keep tests quick. */
    static final Duration EVENT_INTERVAL = Duration.ofMillis(20);

    private StreamPlayback() {
    }

    /**
     * @param dropConnection ends the response abruptly, without the end a complete response has
     *                       (the last chunk of a chunked body), as a network failure would
     */
    static Multi<Buffer> play(List<String> events, SimulatedFault fault, Runnable dropConnection) {
        Integer breakAfter = fault.cutAfterEvents() != null ? fault.cutAfterEvents() : fault.stallAfterEvents();
        int sent = breakAfter == null ? events.size() : Math.min(breakAfter, events.size());
        Duration firstDelay = fault.delayMs() > EVENT_INTERVAL.toMillis() ? Duration.ofMillis(fault.delayMs())
                : EVENT_INTERVAL;
        Multi<Buffer> paced = Multi.createFrom().range(0, sent).onItem().transformToUniAndConcatenate(
                i -> Uni.createFrom().item(() -> Buffer.buffer(events.get(i))).onItem()
                        .delayIt().by(i == 0 ? firstDelay : EVENT_INTERVAL));
        return Multi.createBy().concatenating().streams(headersNow(), paced, ending(fault, dropConnection));
    }

    /** The web layer sends status and headers with the first bytes: an empty first item sends them at once. */
    private static Multi<Buffer> headersNow() {
        return Multi.createFrom().item(Buffer::buffer);
    }

    private static Multi<Buffer> ending(SimulatedFault fault, Runnable dropConnection) {
        if (fault.cutAfterEvents() != null) {
            // Asked for only once the last event is written out. Nothing follows: dropping the
            // connection cancels this stream, and completing it would try to end the response.
            return Uni.createFrom().<Buffer>emitter(neverEmits -> dropConnection.run()).toMulti();
        }
        if (fault.stallAfterEvents() != null) {
            // Silent until the client goes away, which cancels the stream.
            return Multi.createFrom().nothing();
        }
        return Multi.createFrom().empty();
    }
}
