package dev.switchboard.provider;

/**
 * Defaults of the fault-tolerance annotations every provider client carries, in one place so that
 * all providers start alike. Each is overridable per provider without a rebuild through
 * {@code switchboard.providers.<provider>.timeout-ms} and {@code .breaker.*}, which
 * application.properties binds to the clients' {@code quarkus.fault-tolerance."...".*} keys.
 */
public final class ProviderPolicy {

    /**
     * 10 s per call: the failure table's default, well before any provider gives up on its own, so a
     * silent provider is abandoned while the request's 30 s deadline still leaves time for two more routes.
     */
    public static final long TIMEOUT_MS = 10_000;

    /**
     * Streams ask for their own connection. The REST client closes a streamed response's connection
     * when the stream ends, however the body is read (its SSE reader and its byte reader both do), after
     * the pool may already have handed that connection to another call, which then fails with
     * "Connection was closed". A connection that is never pooled cannot be reused that way.
     */
    public static final String STREAM_CONNECTION = "close";

    /** The seed's threshold: the breaker judges the last 5 calls... */
    public static final int BREAKER_WINDOW = 5;

    /** ...and opens only when all of them failed, so one stray error never takes a provider out. */
    public static final double BREAKER_FAILURE_RATIO = 1.0;

    /** The seed's 60 s recovery timeout before one probe call is let through (half-open). */
    public static final long BREAKER_DELAY_MS = 60_000;

    /** One successful probe closes the breaker, so traffic returns soon after the provider recovers. */
    public static final int BREAKER_SUCCESS_THRESHOLD = 1;

    private ProviderPolicy() {
    }
}
