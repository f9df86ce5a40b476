package dev.switchboard.simulator;

import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * How a simulated provider should misbehave, set at run time through {@code PUT /simulated/{provider}/fault}.
 * The two stream faults break a stream the way networks and overloaded servers do, so the gateway's
 * stream recovery can be watched live; they do not touch answers that are not streamed. They are
 * left out of the JSON when unset, so a fault without them reads and writes exactly as before they existed.
 *
 * @param status            HTTP status to answer with (0: answer normally)
 * @param delayMs           wait this long before answering; in a stream, before the first event (time to first token)
 * @param retryAfterSeconds sent as Retry-After with the error, when set
 * @param cutAfterEvents    streams only: send this many events, then drop the connection, so the stream
 *                          ends without its final events ({@code [DONE]}, {@code message_stop}...)
 * @param stallAfterEvents  streams only: send this many events, then send nothing more while keeping the
 *                          connection open, until the client gives up
 */
@RegisterForReflection
public record SimulatedFault(int status, long delayMs, Integer retryAfterSeconds,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer cutAfterEvents,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer stallAfterEvents) {

    public static final SimulatedFault NONE = new SimulatedFault(0, 0, null, null, null);

    public boolean fails() {
        return status >= 400;
    }

    /** Why the simulator cannot act this fault out, if it cannot. */
    public Optional<String> problem() {
        if (cutAfterEvents != null && stallAfterEvents != null) {
            return Optional.of("a stream is either cut or stalled: set cutAfterEvents or stallAfterEvents, not both");
        }
        if ((cutAfterEvents != null && cutAfterEvents < 0) || (stallAfterEvents != null && stallAfterEvents < 0)) {
            return Optional.of("cutAfterEvents and stallAfterEvents must not be negative");
        }
        return Optional.empty();
    }
}
