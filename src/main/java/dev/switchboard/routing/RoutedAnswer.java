package dev.switchboard.routing;

import java.util.List;

import dev.switchboard.chat.ChatResult;

/** A successful answer, with the route that gave it and every attempt it took. */
public record RoutedAnswer(ChatResult result, Route route, List<Attempt> attempts) {

    /** Upstream calls made, failed ones included. */
    public long upstreamCalls() {
        return attempts.stream().filter(Attempt::called).count();
    }
}
