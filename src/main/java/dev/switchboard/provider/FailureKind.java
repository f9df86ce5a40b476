package dev.switchboard.provider;

import java.util.Locale;

/** The failure kinds the router distinguishes; the wire name appears in errors, logs and metrics. */
public enum FailureKind {
    RATE_LIMITED, SERVER_ERROR, CONNECTION_FAILED, TIMEOUT, CONTEXT_TOO_LONG, CONTENT_FILTERED,
    AUTH_REJECTED, REQUEST_REJECTED, MALFORMED_RESPONSE, CIRCUIT_OPEN,
    /** Not a call's outcome: the provider fails its health probe, so its routes were passed over. */
    PROVIDER_DOWN,
    /** Not a provider's answer: the route cannot honour a parameter of the request, so it was not called. */
    UNSUPPORTED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
