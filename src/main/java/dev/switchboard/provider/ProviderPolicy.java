package dev.switchboard.provider;

/**
 * The fault-tolerance policy, in one place so that all providers start alike. Two layers guard every
 * whole call:
 * <ul>
 * <li>each provider <em>instance</em> has its own timeout and breaker ({@link InstanceGuards}), whose
 * defaults are below and which {@code switchboard.providers.<name>.timeout-ms} and {@code .breaker.*}
 * override: this layer isolates instances, so one failing server never marks another down;</li>
 * <li>each provider <em>API</em>'s typed REST client carries {@code @Timeout}, {@code @CircuitBreaker}
 * and {@code @Fallback} with the {@code BACKSTOP_*} values: the last line, shared by every instance of
 * the API. An instance's own breaker opens after {@link #BREAKER_WINDOW} failures and then stops
 * calling, so the backstop (judging {@link #BACKSTOP_WINDOW} calls) opens only when several instances
 * of one API fail at once, and its timeout only cuts what an instance's own limit let through.</li>
 * </ul>
 * The annotations are constants on purpose: no setting depends on generated class names.
 */
public final class ProviderPolicy {

    /** The API family's backstop timeout: the REST clients' read timeout; an instance's own limit is lower. */
    public static final long BACKSTOP_TIMEOUT_MS = 120_000;

    /**
     * The API family's backstop breaker judges 20 calls, all of which must have failed: four instances'
     * worth of their own breakers' windows.
     */
    public static final int BACKSTOP_WINDOW = 20;

    /** The backstop breakers' names, one per typed REST client method that has one. */
    public static final String OPENAI_BACKSTOP = "api:openai";
    public static final String OPENAI_EMBEDDINGS_BACKSTOP = "api:openai-embeddings";
    public static final String ANTHROPIC_BACKSTOP = "api:anthropic";
    public static final String GEMINI_BACKSTOP = "api:gemini";
    public static final String GEMINI_EMBED_CONTENT_BACKSTOP = "api:gemini-embed-content";
    public static final String GEMINI_BATCH_EMBED_CONTENTS_BACKSTOP = "api:gemini-batch-embed-contents";
    public static final String OPENAI_COMPATIBLE_BACKSTOP = "api:openai-compatible";
    public static final String OPENAI_COMPATIBLE_EMBEDDINGS_BACKSTOP = "api:openai-compatible-embeddings";
    public static final String AZURE_OPENAI_BACKSTOP = "api:azure-openai";
    public static final String AZURE_OPENAI_EMBEDDINGS_BACKSTOP = "api:azure-openai-embeddings";
    public static final String VERTEX_AI_BACKSTOP = "api:vertex-ai";

    /** The backstop breakers of an API's client. */
    public static java.util.List<String> backstopBreakers(ProviderType type) {
        return switch (type) {
            case OPENAI -> java.util.List.of(OPENAI_BACKSTOP, OPENAI_EMBEDDINGS_BACKSTOP);
            case ANTHROPIC -> java.util.List.of(ANTHROPIC_BACKSTOP);
            case GEMINI -> java.util.List.of(GEMINI_BACKSTOP, GEMINI_EMBED_CONTENT_BACKSTOP,
                    GEMINI_BATCH_EMBED_CONTENTS_BACKSTOP);
            case OPENAI_COMPATIBLE -> java.util.List.of(OPENAI_COMPATIBLE_BACKSTOP, OPENAI_COMPATIBLE_EMBEDDINGS_BACKSTOP);
            case AZURE_OPENAI -> java.util.List.of(AZURE_OPENAI_BACKSTOP, AZURE_OPENAI_EMBEDDINGS_BACKSTOP);
            case VERTEX_AI -> java.util.List.of(VERTEX_AI_BACKSTOP);
        };
    }

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
