package dev.switchboard.api;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * Sends a whole answer with its length instead of in chunks. The chat resource returns every reply
 * as a stream ({@code RestMulti}), so that status and headers can wait until routing has decided,
 * and RESTEasy Reactive always frames a stream as chunked. A whole answer is one buffer whose length
 * is known, so its reply declares {@code Content-Length}; just before the headers go out, the
 * chunked framing is taken off such a reply (HTTP forbids both at once, RFC 9112 section 6.2). The
 * body then goes out with the headers in one write, and the chunked encoding's closing write, a
 * fifth of the socket writes per request, is not needed.
 */
public final class WholeReplies {

    private WholeReplies() {
    }

    public static void sendUnchunked(RoutingContext routing) {
        routing.addHeadersEndHandler(ignored -> unchunk(routing.response()));
    }

    static void unchunk(HttpServerResponse response) {
        if (response.headers().contains(HttpHeaders.CONTENT_LENGTH)) {
            response.headers().remove(HttpHeaders.TRANSFER_ENCODING);
        }
    }
}
