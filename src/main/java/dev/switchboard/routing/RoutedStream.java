package dev.switchboard.routing;

import java.util.List;

import dev.switchboard.chat.StreamEvent;
import io.smallrye.mutiny.Multi;

/**
 * A stream that has begun: the route whose answer it is, the attempts it took to get there, and the
 * events to relay. The events start with {@link StreamEvent.Started} and end with either a
 * {@link StreamEvent.Finished} and the {@link StreamEvent.UsageReported} of every call that
 * contributed, or a single {@link StreamEvent.Interrupted}. A later {@code Started} means another
 * model took over the answer.
 */
public record RoutedStream(Route route, List<Attempt> attempts, Multi<StreamEvent> events) {

    /** Upstream calls made before the stream began, failed ones included. */
    public long upstreamCalls() {
        return attempts.stream().filter(Attempt::called).count();
    }
}
