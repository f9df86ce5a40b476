package dev.switchboard.embedding;

import java.math.BigDecimal;
import java.util.List;

import dev.switchboard.routing.Attempt;

/** Embeddings with the route that gave them, every attempt they took and what they cost in USD. */
public record EmbeddedAnswer(EmbeddingResult result, EmbeddingRoute route, List<Attempt> attempts, BigDecimal cost) {

    /** Upstream calls made, failed ones included. */
    public long upstreamCalls() {
        return attempts.stream().filter(Attempt::called).count();
    }
}
