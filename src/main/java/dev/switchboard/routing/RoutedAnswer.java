package dev.switchboard.routing;

import java.math.BigDecimal;
import java.util.List;

import dev.switchboard.chat.ChatResult;

/**
 * A successful answer, with the route that gave it, every attempt it took, and what it cost in USD
 * (the answering call only: failed attempts are never billed).
 */
public record RoutedAnswer(ChatResult result, Route route, List<Attempt> attempts, BigDecimal cost) {

    /** Upstream calls made, failed ones included. */
    public long upstreamCalls() {
        return attempts.stream().filter(Attempt::called).count();
    }
}
