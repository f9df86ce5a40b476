package dev.switchboard.health.probe;

import dev.switchboard.provider.ProviderFailure;

/** What one probe found, as far as the gateway acts on it. */
enum ProbeOutcome {

    /** The model list came: 2xx. A 429 counts too: the provider is up, only busy. */
    UP,

    /**
     * The provider does not work: a 5xx (Anthropic's 529 included), no connection, no answer within
     * the probe timeout, or an answer that is not the documented model list. Enough of these in a
     * row ({@code switchboard.probes.failure-threshold}) mark it down.
     */
    FAILED,

    /**
     * Its key will not work: 401/403, and the refusals the provider classifiers already type as a
     * rejected key (Gemini's 400 for a bad key, Anthropic's billing error, OpenAI's
     * {@code insufficient_quota}). The same answer to a completion takes the provider out until a
     * restart, so the probe does the same, before a user's request finds out.
     */
    KEY_REJECTED,

    /**
     * A 404, 405 or any other 4xx: the endpoint is missing or forbidden to this key (a server with no
     * model list, a key scoped to completions). That tells nothing about the provider's health, so it
     * never marks the provider down.
     */
    UNSUPPORTED;

    /**
     * Judged by the failure's type, which each provider's classifier decided from status and body,
     * with one exception: any 5xx is a failure, even one a classifier read as "come back later",
     * because a probe is not a request that can wait and retry.
     */
    static ProbeOutcome of(ProviderFailure failure) {
        if (failure instanceof ProviderFailure.AuthRejected) {
            return KEY_REJECTED;
        }
        if (failure.status() >= 500) {
            return FAILED;
        }
        if (failure instanceof ProviderFailure.RateLimited) {
            return UP;
        }
        if (failure instanceof ProviderFailure.RequestRejected || failure instanceof ProviderFailure.ContextTooLong
                || failure instanceof ProviderFailure.ContentFiltered) {
            return UNSUPPORTED;
        }
        // Server errors, refused or broken connections, timeouts, unreadable answers.
        return FAILED;
    }
}
