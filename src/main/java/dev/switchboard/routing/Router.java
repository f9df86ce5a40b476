package dev.switchboard.routing;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import org.jboss.logging.Logger;

import dev.switchboard.chat.ChatRequest;
import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.health.RouteAvailability;
import dev.switchboard.provider.FailureFallback;
import dev.switchboard.provider.FailureKind;
import dev.switchboard.provider.ProviderAdapter;
import dev.switchboard.provider.ProviderFailure;
import dev.switchboard.provider.ProviderId;
import dev.switchboard.routing.AllRoutesFailed.Verdict;
import dev.switchboard.routing.FailoverPolicy.Decision;
import dev.switchboard.security.SecretRedactor;
import io.smallrye.mutiny.Uni;

/**
 * The orchestrating bean: walks a request's chain of routes, delegating each attempt to the
 * provider's adapter (and so to its typed REST client with timeout, breaker and fallback),
 * records every attempt, and decides with the {@link FailoverPolicy} what follows a failure,
 * all inside the request's {@link Deadline}. Non-blocking throughout.
 */
@ApplicationScoped
public class Router {

    private static final Logger LOG = Logger.getLogger(Router.class);

    private final Map<ProviderId, ProviderAdapter> adapters = new EnumMap<>(ProviderId.class);
    private final RouteAvailability availability;
    private final RouteTable routes;
    private final FailoverPolicy policy;
    private final SwitchboardConfig.Routing config;
    private final SecretRedactor redactor;

    public Router(Instance<ProviderAdapter> adapters, RouteAvailability availability, RouteTable routes,
            SwitchboardConfig config, SecretRedactor redactor) {
        adapters.forEach(adapter -> this.adapters.put(adapter.id(), adapter));
        this.availability = availability;
        this.routes = routes;
        this.config = config.routing();
        this.policy = new FailoverPolicy(config.routing());
        this.redactor = redactor;
    }

    public Uni<RoutedAnswer> route(ChatRequest request, List<Route> chain, Deadline deadline) {
        return Uni.createFrom().deferred(() -> new Run(request, chain, deadline).next());
    }

    /** One request's walk along its chain. Confined to that request; never shared. */
    private final class Run {
        private final ChatRequest request;
        private final Deque<Route> pending;
        private final Deadline deadline;
        private final List<Attempt> attempts = new ArrayList<>();
        private int calls;

        Run(ChatRequest request, List<Route> chain, Deadline deadline) {
            this.request = request;
            this.pending = new ArrayDeque<>(chain);
            this.deadline = deadline;
        }

        Uni<RoutedAnswer> next() {
            for (Route route = pending.poll(); route != null; route = pending.poll()) {
                Optional<Attempt> skip = skipped(route);
                if (skip.isEmpty()) {
                    return call(route, 0);
                }
                attempts.add(skip.get());
            }
            return Uni.createFrom().failure(exhausted());
        }

        /** Routes that cannot help are passed over without a call. */
        private Optional<Attempt> skipped(Route route) {
            Optional<String> unsupported = adapters.get(route.provider()).unsupported(request);
            if (unsupported.isPresent()) {
                return Optional.of(Attempt.skipped(route, FailureKind.UNSUPPORTED, unsupported.get()));
            }
            if (availability.keyRejected(route.provider())) {
                return Optional.of(Attempt.skipped(route, FailureKind.AUTH_REJECTED,
                        "the " + route.provider() + " key was rejected earlier; fix it and restart"));
            }
            return availability.coolingFor(route).map(left -> Attempt.skipped(route, FailureKind.RATE_LIMITED,
                    "cooling down for " + Math.max(1, left.toSeconds()) + " s more after a rate limit"));
        }

        private Uni<RoutedAnswer> call(Route route, int retries) {
            Duration remaining = deadline.remaining();
            if (calls >= config.maxAttempts() || remaining.isZero()) {
                return Uni.createFrom().failure(exhausted());
            }
            boolean routeLimitFirst = route.timeout().filter(t -> t.compareTo(remaining) < 0).isPresent();
            Duration limit = routeLimitFirst ? route.timeout().get() : remaining;
            calls++;
            long start = System.nanoTime();
            return Uni.createFrom().deferred(() -> adapters.get(route.provider()).chat(request, route))
                    .ifNoItem().after(limit).failWith(() -> routeLimitFirst
                            ? new ProviderFailure.TimedOut(route.provider(), "no response within the route timeout of " + limit.toMillis() + " ms")
                            : new DeadlineReached())
                    .map(result -> {
                        attempts.add(new Attempt(route.name(), route.provider(), result.model(), true, null, 200, null,
                                millisSince(start)));
                        return new RoutedAnswer(result, route, List.copyOf(attempts));
                    })
                    .onFailure().recoverWithUni(error -> failed(route, retries, error, start));
        }

        private Uni<RoutedAnswer> failed(Route route, int retries, Throwable error, long start) {
            if (error instanceof DeadlineReached) {
                attempts.add(new Attempt(route.name(), route.provider(), route.model(), true, FailureKind.TIMEOUT, 0,
                        "no response before the request deadline", millisSince(start)));
                return Uni.createFrom().failure(exhausted());
            }
            ProviderFailure failure = FailureFallback.classify(route.provider(), error);
            boolean called = !(failure instanceof ProviderFailure.CircuitOpen);
            if (!called) {
                calls--;
            }
            String detail = redactor.redact(failure.getMessage());
            attempts.add(new Attempt(route.name(), route.provider(), route.model(), called, failure.kind(),
                    failure.status(), detail, millisSince(start)));
            LOG.infof("Route %s (%s/%s) failed: %s%s %s", route.name(), route.provider(), route.model(),
                    failure.kind().wireName(), failure.status() > 0 ? " " + failure.status() : "", detail);
            remember(route, failure);
            boolean othersLeft = pending.stream().anyMatch(r -> skipped(r).isEmpty());
            Decision decision = policy.decide(failure, retries, othersLeft, deadline.remaining());
            if (decision instanceof Decision.Retry retry) {
                return Uni.createFrom().voidItem().onItem().delayIt().by(retry.after())
                        .chain(() -> call(route, retries + 1));
            }
            if (decision instanceof Decision.Stop) {
                return Uni.createFrom().failure(new AllRoutesFailed(Verdict.CONTENT_FILTERED, detail, attempts, null));
            }
            return next();
        }

        /** What this failure teaches about the route, the provider and the rest of this chain. */
        private void remember(Route route, ProviderFailure failure) {
            if (failure instanceof ProviderFailure.RateLimited limited) {
                limited.retryAfter().ifPresent(wait -> availability.coolDown(route, wait));
            } else if (failure instanceof ProviderFailure.AuthRejected) {
                availability.rejectKey(route.provider());
            } else if (failure instanceof ProviderFailure.ContextTooLong) {
                keepLargerContexts(route);
            }
        }

        /** F12: never the same model again; only routes with a larger window, and the route's context fallback first. */
        private void keepLargerContexts(Route overflowed) {
            int window = overflowed.contextWindow();
            pending.removeIf(route -> {
                boolean sameModel = route.provider() == overflowed.provider() && route.model().equals(overflowed.model());
                boolean notLarger = window > 0 && route.contextWindow() != Route.UNKNOWN_CONTEXT
                        && route.contextWindow() <= window;
                if (sameModel || notLarger) {
                    attempts.add(Attempt.skipped(route, FailureKind.CONTEXT_TOO_LONG,
                            "context window not larger than " + overflowed.name() + "'s " + window));
                }
                return sameModel || notLarger;
            });
            overflowed.contextFallback().flatMap(routes::named)
                    .filter(route -> attempts.stream().noneMatch(a -> a.route().equals(route.name())))
                    .filter(route -> !pending.contains(route))
                    .ifPresent(pending::addFirst);
        }

        private AllRoutesFailed exhausted() {
            if (deadline.expired()) {
                return new AllRoutesFailed(Verdict.DEADLINE_EXCEEDED,
                        "The request deadline ran out before any route answered. " + summary(), attempts, null);
            }
            List<Attempt> considered = attempts.stream().filter(a -> a.failure() != FailureKind.UNSUPPORTED).toList();
            if (considered.isEmpty()) {
                String reason = attempts.isEmpty() ? "no route to try" : attempts.get(0).detail();
                return new AllRoutesFailed(Verdict.UNSUPPORTED, "No route in the chain can serve this request: " + reason,
                        attempts, null);
            }
            if (considered.stream().allMatch(a -> a.failure() == FailureKind.CONTEXT_TOO_LONG)) {
                String upstream = considered.stream().filter(Attempt::called).map(Attempt::detail).findFirst()
                        .orElse("the conversation is too long for every route");
                return new AllRoutesFailed(Verdict.CONTEXT_TOO_LONG, upstream, attempts, null);
            }
            if (considered.stream().allMatch(a -> a.failure() == FailureKind.RATE_LIMITED)) {
                Duration retryAfter = considered.stream()
                        .map(a -> routes.named(a.route()).flatMap(availability::coolingFor).orElse(Duration.ZERO))
                        .min(Duration::compareTo).orElse(Duration.ZERO);
                return new AllRoutesFailed(Verdict.RATE_LIMITED, "Every route is rate limited. " + summary(), attempts,
                        retryAfter.isZero() ? null : retryAfter);
            }
            return new AllRoutesFailed(Verdict.UPSTREAM_FAILED, "All routes failed. " + summary(), attempts, null);
        }

        private String summary() {
            return attempts.stream()
                    .map(a -> a.route() + ": " + a.failure().wireName() + (a.status() > 0 ? " " + a.status() : "")
                            + (a.detail() == null ? "" : " (" + a.detail() + ")"))
                    .collect(Collectors.joining("; "));
        }
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    /** The request's deadline, not a route's own limit, ended the attempt. */
    private static final class DeadlineReached extends RuntimeException {
        DeadlineReached() {
            super("deadline reached", null, false, false);
        }
    }
}
