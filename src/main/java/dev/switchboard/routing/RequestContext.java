package dev.switchboard.routing;

import java.util.Optional;

/**
 * Who a request is for and what it was classified as, handed by the API to the router with the
 * request, so spend can be attributed without thread-locals (a request hops between event-loop and
 * worker threads).
 *
 * @param caller     the caller's non-secret id (never its key), see {@code security.Callers}
 * @param complexity for {@code model: "auto"}, the tier the conversation was classified as
 */
public record RequestContext(String caller, Optional<Tier> complexity) {

    /** The request's tier for spend reports: its classified tier, else the tier of the route that served it. */
    public String tierOf(Route served) {
        return complexity.or(served::tier).map(Tier::wireName).orElse("none");
    }
}
