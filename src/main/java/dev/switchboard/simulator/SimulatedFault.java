package dev.switchboard.simulator;

/**
 * How a simulated provider should misbehave, set at run time through {@code PUT /simulated/{provider}/fault}.
 *
 * @param status            HTTP status to answer with (0: answer normally)
 * @param delayMs           wait this long before answering
 * @param retryAfterSeconds sent as Retry-After with the error, when set
 */
public record SimulatedFault(int status, long delayMs, Integer retryAfterSeconds) {

    public static final SimulatedFault NONE = new SimulatedFault(0, 0, null);

    public boolean fails() {
        return status >= 400;
    }
}
