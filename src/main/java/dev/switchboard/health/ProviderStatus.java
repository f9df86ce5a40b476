package dev.switchboard.health;

import dev.switchboard.provider.ProviderId;
import io.smallrye.faulttolerance.api.CircuitBreakerState;

/**
 * One provider's health at one instant.
 *
 * @param breaker     its client's {@code @CircuitBreaker} as SmallRye reports it
 * @param keyRejected its key was refused (401/403); its routes are out until a restart with a new key
 * @param probe       what the active probes found
 */
public record ProviderStatus(ProviderId provider, CircuitBreakerState breaker, boolean keyRejected, ProbeStatus probe) {
}
