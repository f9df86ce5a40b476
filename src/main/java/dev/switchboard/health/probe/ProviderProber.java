package dev.switchboard.health.probe;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import org.jboss.logging.Logger;

import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.health.RouteAvailability;
import dev.switchboard.provider.FailureFallback;
import dev.switchboard.provider.ProviderAdapter;
import dev.switchboard.provider.ProviderEndpoints;
import dev.switchboard.provider.ProviderFailure;
import dev.switchboard.provider.ProviderId;
import dev.switchboard.provider.ProviderInstances;
import dev.switchboard.provider.ProviderType;
import dev.switchboard.security.SecretRedactor;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import io.smallrye.mutiny.Uni;

/**
 * Active health checks. Each provider that is real (not simulated), enabled and not opted out
 * ({@code switchboard.providers.<p>.probe=false}) is asked for its model list on a schedule: a call
 * that is never billed and reaches the same host with the same key as a completion. What it finds
 * goes to {@link RouteAvailability}, which the router consults, so a provider that stops answering
 * is out before a user's request finds it, and back as soon as it answers again.
 *
 * <p>Non-blocking: the scheduled tick only starts the probes that are due ({@link ProbeSchedule})
 * and returns; each probe is a Mutiny call through the provider's typed REST client, bounded by
 * {@code switchboard.probes.timeout}, at most one in flight per provider. The probe call carries no
 * fault-tolerance annotation, so it never counts in the breaker that guards completions.
 *
 * <p>How an answer is judged ({@link ProbeOutcome}): a model list or a 429 means up; a 5xx, no
 * connection, a timeout or an unreadable answer is a failure, and {@code failure-threshold} of
 * them in a row mark the provider down; a rejected key takes the provider out until a restart, as
 * the same answer to a completion would, and its probes stop (they could only be rejected again);
 * a 404, 405 or other 4xx means the endpoint tells nothing, and never marks the provider down.
 *
 * <p>Logged: every change of outcome, except a recovery, which {@link RouteAvailability} reports
 * when the provider had been marked down. Details are passed through the {@link SecretRedactor}:
 * a key never reaches a log line or the status.
 */
@ApplicationScoped
public class ProviderProber {

    private static final Logger LOG = Logger.getLogger(ProviderProber.class);

    private final SwitchboardConfig.Probes config;
    private final RouteAvailability availability;
    private final SecretRedactor redactor;
    private final ProbeSchedule schedule;
    private final Map<ProviderId, ProviderAdapter> probed = new LinkedHashMap<>();

    public ProviderProber(SwitchboardConfig config, ProviderInstances instances, ProviderEndpoints endpoints,
            Instance<ProviderAdapter> adapters, RouteAvailability availability, SecretRedactor redactor) {
        this.config = config.probes();
        this.availability = availability;
        this.redactor = redactor;
        this.schedule = new ProbeSchedule(this.config.interval(), this.config.recoveryInterval(), Clock.systemUTC());
        Map<ProviderType, ProviderAdapter> byType = new EnumMap<>(ProviderType.class);
        adapters.forEach(adapter -> byType.put(adapter.type(), adapter));
        for (ProviderId instance : instances.enabled()) {
            // A simulated provider is this very process: probing it would only probe ourselves.
            if (instances.settings(instance).probe() && !endpoints.simulated(instance)) {
                probed.put(instance, byType.get(instance.type()));
            }
        }
    }

    void announce(@Observes StartupEvent event) {
        if (!config.enabled()) {
            LOG.debug("Health probes are off (switchboard.probes.enabled=false)");
        } else if (probed.isEmpty()) {
            LOG.debug("No provider to probe: simulated providers and those with probe=false are not probed");
        } else {
            LOG.infof("Health probes every %s (every %s while a provider recovers) for %s", readable(config.interval()),
                    readable(config.recoveryInterval()), probed.keySet());
        }
    }

    /**
     * Starts the probes that are due and returns at once; the probes finish on their own. Once a
     * second: the simple scheduler's resolution ({@link ProbeSchedule#TICK}), and fine enough for
     * intervals counted in seconds.
     */
    @Scheduled(identity = "switchboard-probes", every = "1s", concurrentExecution = ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        if (config.enabled()) {
            probed.keySet().forEach(this::probeIfDue);
        }
        return Uni.createFrom().voidItem();
    }

    private void probeIfDue(ProviderId provider) {
        // A rejected key stays rejected until a restart: asking again could only be refused again.
        if (availability.keyRejected(provider) || !schedule.claim(provider, availability.recovering(provider))) {
            return;
        }
        probe(provider).subscribe().with(
                outcome -> LOG.tracef("Health probe of %s: %s", provider, outcome),
                error -> LOG.errorf(error, "Health probe of %s could not be recorded", provider));
    }

    /** One probe of the provider, judged and recorded; never fails for anything the provider does. */
    Uni<ProbeOutcome> probe(ProviderId provider) {
        Duration timeout = config.timeout();
        long start = System.nanoTime();
        return Uni.createFrom().deferred(() -> probed.get(provider).probe(provider))
                .ifNoItem().after(timeout).failWith(() -> new ProviderFailure.TimedOut(provider,
                        "no answer to the health probe within " + timeout.toMillis() + " ms"))
                .map(listed -> record(provider, ProbeOutcome.UP, Duration.ofNanos(System.nanoTime() - start), null))
                .onFailure().recoverWithItem(error -> {
                    ProviderFailure failure = FailureFallback.classify(provider, error);
                    return record(provider, ProbeOutcome.of(failure), Duration.ofNanos(System.nanoTime() - start),
                            describe(failure));
                });
    }

    private ProbeOutcome record(ProviderId provider, ProbeOutcome outcome, Duration took, String detail) {
        Optional<ProbeOutcome> before;
        try {
            switch (outcome) {
                case UP -> availability.probeSucceeded(provider, took);
                case FAILED -> availability.probeFailed(provider, detail);
                case UNSUPPORTED -> availability.probeUnsupported(provider, detail);
                case KEY_REJECTED -> {
                    availability.rejectKey(provider);
                    availability.probeFailed(provider, detail);
                }
            }
        } finally {
            before = schedule.finished(provider, outcome);
        }
        logChange(provider, before, outcome, took, detail);
        return outcome;
    }

    private void logChange(ProviderId provider, Optional<ProbeOutcome> before, ProbeOutcome now, Duration took,
            String detail) {
        if (before.filter(now::equals).isPresent()) {
            LOG.debugf("Health probe of %s: %s again%s", provider, now, detail == null ? "" : " (" + detail + ")");
            return;
        }
        switch (now) {
            case UP -> {
                if (before.filter(ProbeOutcome.FAILED::equals).isPresent()) {
                    LOG.debugf("Health probe of %s succeeds again (%d ms)", provider, took.toMillis());
                } else {
                    LOG.infof("Provider %s answers its health probe (%d ms)", provider, took.toMillis());
                }
            }
            case FAILED -> LOG.infof("Health probe of %s failed: %s", provider, detail);
            case UNSUPPORTED -> LOG.infof("Provider %s gives its health probe no model list (%s): probes cannot tell"
                    + " its health and will not mark it down", provider, detail);
            case KEY_REJECTED -> LOG.warnf("Provider %s rejected its key on the health probe (%s): its routes are out"
                    + " until the key is changed and the gateway restarted", provider, detail);
        }
    }

    private static String readable(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    private String describe(ProviderFailure failure) {
        String status = failure.status() > 0 ? " " + failure.status() : "";
        return redactor.redact(failure.kind().wireName() + status + ": " + failure.getMessage());
    }

    /**
     * Forgets when each provider was last probed, so every one is probed at the next tick: as after a
     * configuration change, and what {@link RouteAvailability#reset} does for what the probes found.
     */
    public void reset() {
        schedule.reset();
    }
}
