package dev.switchboard.provider;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.client.ClientResponseFilter;

/**
 * Hands a provider's event stream to the gateway as bytes, for {@link EventStreamReader}. Registered
 * on each provider's REST client. The REST client picks how to read a streamed body from its content
 * type: for {@code text/event-stream} it would use its own SSE reader; retyped as
 * {@code application/octet-stream}, the body comes as the bytes that arrive. Only successful answers
 * to a request for an event stream are touched; one that is not an event stream (a server that ignored
 * {@code "stream": true}) fails as {@link NotAnEventStream}, which {@link FailureFallback} types as a
 * malformed response, so the route is failed over with a message that says what came instead.
 */
public class EventStreamBody implements ClientResponseFilter {

    @Override
    public void filter(ClientRequestContext request, ClientResponseContext response) {
        if (response.getStatusInfo().getFamily() != Response.Status.Family.SUCCESSFUL || !asksForEvents(request)) {
            return;
        }
        MediaType type = response.getMediaType();
        if (type == null || !MediaType.SERVER_SENT_EVENTS_TYPE.isCompatible(type)) {
            throw new NotAnEventStream(response.getStatus(), type);
        }
        response.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_OCTET_STREAM);
    }

    private static boolean asksForEvents(ClientRequestContext request) {
        String accept = request.getHeaderString(HttpHeaders.ACCEPT);
        return accept != null && accept.contains(MediaType.SERVER_SENT_EVENTS);
    }

    /** A stream was asked for and the provider answered with something else. */
    public static final class NotAnEventStream extends RuntimeException {

        NotAnEventStream(int status, MediaType type) {
            super("a stream was asked for and the answer is " + status + " "
                    + (type == null ? "without a content type" : type.getType() + "/" + type.getSubtype())
                    + ", not text/event-stream", null, false, false);
        }
    }
}
