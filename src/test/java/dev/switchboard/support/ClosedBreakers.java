package dev.switchboard.support;

import java.util.function.Consumer;

import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;

/** Client breakers that are always closed, for unit tests of what sits above them. */
public final class ClosedBreakers implements CircuitBreakerMaintenance {

    @Override
    public CircuitBreakerState currentState(String name) {
        return CircuitBreakerState.CLOSED;
    }

    @Override
    public void onStateChange(String name, Consumer<CircuitBreakerState> callback) {
    }

    @Override
    public void reset(String name) {
    }

    @Override
    public void resetAll() {
    }
}
