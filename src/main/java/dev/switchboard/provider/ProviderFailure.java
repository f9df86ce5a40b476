package dev.switchboard.provider;

import java.time.Duration;
import java.util.Optional;

/**
 * Everything that can go wrong with one call to a provider, decided in one place per provider
 * (its error classifier and the shared {@link FailureFallback}) and consumed by the router.
 * Messages may quote the provider; the router redacts secrets before they leave the gateway.
 */
public abstract sealed class ProviderFailure extends RuntimeException {

    private volatile ProviderId provider;
    private final int status;

    private ProviderFailure(ProviderId provider, int status, String message, Throwable cause) {
        // Failures are routine control flow for a gateway: no stack trace is captured.
        super(message, cause, false, false);
        this.provider = provider;
        this.status = status;
    }

    public ProviderId provider() {
        return provider;
    }

    /**
     * This failure, attributed to the instance that was called. A typed REST client's exception mapper
     * and fallback know only the API they serve, not which of its instances a call went to; the call
     * site does, and says so here before anything else sees the failure.
     */
    public ProviderFailure at(ProviderId instance) {
        this.provider = instance;
        return this;
    }

    /** The upstream HTTP status, or 0 when no response arrived. */
    public int status() {
        return status;
    }

    public abstract FailureKind kind();

    /** 429, or a 503 that asked the caller to come back later. */
    public static final class RateLimited extends ProviderFailure {
        private final Duration retryAfter;

        public RateLimited(ProviderId provider, int status, String message, Duration retryAfter) {
            super(provider, status, message, null);
            this.retryAfter = retryAfter;
        }

        /** The provider's own Retry-After, when it sent one. */
        public Optional<Duration> retryAfter() {
            return Optional.ofNullable(retryAfter);
        }

        @Override
        public FailureKind kind() {
            return FailureKind.RATE_LIMITED;
        }
    }

    /** 5xx, or Anthropic's 529 overloaded_error: transient on the provider's side. */
    public static final class ServerError extends ProviderFailure {
        public ServerError(ProviderId provider, int status, String message) {
            super(provider, status, message, null);
        }

        @Override
        public FailureKind kind() {
            return FailureKind.SERVER_ERROR;
        }
    }

    /** Refused, reset or closed before any response arrived. */
    public static final class ConnectionFailed extends ProviderFailure {
        public ConnectionFailed(ProviderId provider, String message, Throwable cause) {
            super(provider, 0, message, cause);
        }

        @Override
        public FailureKind kind() {
            return FailureKind.CONNECTION_FAILED;
        }
    }

    /** No answer within the attempt's time limit. */
    public static final class TimedOut extends ProviderFailure {
        public TimedOut(ProviderId provider, String message) {
            super(provider, 0, message, null);
        }

        @Override
        public FailureKind kind() {
            return FailureKind.TIMEOUT;
        }
    }

    /** The conversation does not fit the model's context window. */
    public static final class ContextTooLong extends ProviderFailure {
        public ContextTooLong(ProviderId provider, int status, String message) {
            super(provider, status, message, null);
        }

        @Override
        public FailureKind kind() {
            return FailureKind.CONTEXT_TOO_LONG;
        }
    }

    /** The provider's safety system refused the request. */
    public static final class ContentFiltered extends ProviderFailure {
        public ContentFiltered(ProviderId provider, int status, String message) {
            super(provider, status, message, null);
        }

        @Override
        public FailureKind kind() {
            return FailureKind.CONTENT_FILTERED;
        }
    }

    /** 401/403: the provider key is wrong or lacks permission. */
    public static final class AuthRejected extends ProviderFailure {
        public AuthRejected(ProviderId provider, int status, String message) {
            super(provider, status, message, null);
        }

        @Override
        public FailureKind kind() {
            return FailureKind.AUTH_REJECTED;
        }
    }

    /** Any other 4xx: this provider will not take this request as sent. */
    public static final class RequestRejected extends ProviderFailure {
        public RequestRejected(ProviderId provider, int status, String message) {
            super(provider, status, message, null);
        }

        @Override
        public FailureKind kind() {
            return FailureKind.REQUEST_REJECTED;
        }
    }

    /** A success status with a body that is not the documented schema. */
    public static final class MalformedResponse extends ProviderFailure {
        public MalformedResponse(ProviderId provider, String message, Throwable cause) {
            super(provider, 200, message, cause);
        }

        @Override
        public FailureKind kind() {
            return FailureKind.MALFORMED_RESPONSE;
        }
    }

    /** The provider's circuit breaker is open: no call was made. */
    public static final class CircuitOpen extends ProviderFailure {
        public CircuitOpen(ProviderId provider) {
            super(provider, 0, "circuit breaker open", null);
        }

        @Override
        public FailureKind kind() {
            return FailureKind.CIRCUIT_OPEN;
        }
    }
}
