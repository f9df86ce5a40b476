package dev.switchboard.degraded;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.switchboard.chat.ChatRequest;
import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.metrics.GatewayMetrics;
import dev.switchboard.routing.AllRoutesFailed;
import dev.switchboard.routing.AllRoutesFailed.Verdict;

/**
 * Degraded mode (row F19 of the failure table): when every route has failed or is out, a request is
 * answered from the {@link LastKnownGood last known good answer} to the same request from the same
 * caller, or else with the {@link StaticMessages static message} of its category, instead of an error.
 *
 * <p>Only failures of the providers are covered: every route failed ({@code upstream_failed}) or was
 * rate limited or cooling down ({@code rate_limited}). The others keep their error, because a stand-in
 * answer would hide what the caller must know: a request the routes cannot take as sent (context too
 * long, an unsupported parameter), a provider's content refusal (F13), and a deadline that ran out
 * (a degraded answer is only given while the request's deadline allows it).
 *
 * <p>Each request gets a {@link Standby} before its first call: what its answer is remembered under,
 * its category, and whether the caller opted out.
 */
@ApplicationScoped
public class DegradedMode {

    private static final Logger LOG = Logger.getLogger(DegradedMode.class);

    /** The verdicts a degraded answer stands in for. */
    static final Set<Verdict> COVERED = EnumSet.of(Verdict.UPSTREAM_FAILED, Verdict.RATE_LIMITED);

    private final boolean enabled;
    private final boolean caching;
    private final StaticMessages messages;
    private final LastKnownGood store;
    private final GatewayMetrics metrics;
    private final Map<String, SwitchboardConfig.Route> routes;

    public DegradedMode(SwitchboardConfig config, LastKnownGood store, GatewayMetrics metrics) {
        this.enabled = config.degraded().enabled();
        this.caching = enabled && config.degraded().cache().enabled();
        this.messages = new StaticMessages(config.degraded());
        this.store = store;
        this.metrics = metrics;
        this.routes = config.routes();
    }

    /** The categories a request may name, with their messages. */
    public Set<String> categories() {
        return messages.categories();
    }

    public boolean knows(String category) {
        return messages.knows(category);
    }

    /**
     * Sets degraded mode up for one request, before its first call.
     *
     * @param caller   the caller's id, never its key
     * @param model    the {@code model} the request asked for
     * @param category the category the request named (one {@link #knows known}), if it named one
     * @param route    the route the request goes to first; its configured category applies otherwise
     * @param allowed  false when the caller opted this request out of degraded answers
     */
    public Standby standby(String caller, String model, ChatRequest request, Optional<String> category, String route,
            boolean allowed) {
        if (!enabled) {
            return Standby.OFF;
        }
        String chosen = category
                .or(() -> Optional.ofNullable(routes.get(route)).flatMap(SwitchboardConfig.Route::category))
                .orElse(messages.defaultCategory());
        String message = messages.message(chosen).orElseThrow();
        return new Standby(this, caching ? RequestKey.of(caller, model, request) : null, model, chosen, message, allowed);
    }

    void remember(RequestKey key, GoodAnswer answer) {
        store.remember(key, answer);
    }

    Optional<GoodAnswer> recall(RequestKey key) {
        return store.recall(key);
    }

    /** A degraded answer is going out: counted, and logged without its content. */
    void served(DegradedAnswer answer, String category, AllRoutesFailed failure) {
        metrics.degraded(answer.source().wireName(), category);
        LOG.infof("No route answered (%s); answering in degraded mode from %s (category %s)",
                failure.verdict().name().toLowerCase(Locale.ROOT), answer.source().wireName(), category);
    }
}
