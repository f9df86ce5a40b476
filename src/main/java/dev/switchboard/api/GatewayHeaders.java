package dev.switchboard.api;

/** Switchboard's own HTTP headers. */
public final class GatewayHeaders {

    /** Response: the route that answered. */
    public static final String ROUTE = "x-switchboard-route";
    /** Response: upstream calls the request took, failed ones included. */
    public static final String ATTEMPTS = "x-switchboard-attempts";
    /** Response: present and true when the answer came from a simulated provider. */
    public static final String SIMULATED = "x-switchboard-simulated";
    /** Response: for {@code model: "auto"}, the complexity tier the conversation was classified as. */
    public static final String COMPLEXITY = "x-switchboard-complexity";
    /**
     * Response: what a whole answer cost in USD, as a plain decimal (e.g. {@code 0.0001475}). Streams
     * have none: their usage, and so their cost, is known only after the headers have gone out.
     */
    public static final String COST_USD = "x-switchboard-cost-usd";
    /** Response: {@code downgraded} when a spent budget moved the request to the cheapest tier's route. */
    public static final String BUDGET = "x-switchboard-budget";
    /**
     * Response: {@code true} on a degraded answer, given because no route answered (see
     * {@code degraded.DegradedMode}). Request: {@code off} opts the request out of degraded answers,
     * so it gets the routing error instead; {@code on}, the default, changes nothing.
     */
    public static final String DEGRADED = "x-switchboard-degraded";
    /** Response, on a degraded answer: {@code cache} (the last known good answer) or {@code static}. */
    public static final String DEGRADED_SOURCE = "x-switchboard-degraded-source";
    /** Request: the degraded-mode category, which static message the request gets if every route fails. */
    public static final String CATEGORY = "x-switchboard-category";
    /** Request: shortens the request's deadline, in milliseconds. */
    public static final String DEADLINE_MS = "x-switchboard-deadline-ms";

    private GatewayHeaders() {
    }
}
