package dev.switchboard.routing;

import java.time.Duration;

/** The instant a request must be answered by; every attempt, backoff and failover fits inside it. */
public record Deadline(long expiresAtNanos) {

    public static Deadline after(Duration budget) {
        return new Deadline(System.nanoTime() + budget.toNanos());
    }

    public Duration remaining() {
        long left = expiresAtNanos - System.nanoTime();
        return left <= 0 ? Duration.ZERO : Duration.ofNanos(left);
    }

    public boolean expired() {
        return expiresAtNanos - System.nanoTime() <= 0;
    }
}
