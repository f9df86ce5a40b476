package dev.switchboard.routing;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import org.jboss.logging.Logger;

import dev.switchboard.chat.ChatRequest;
import dev.switchboard.chat.ChatResult;
import dev.switchboard.chat.JsonAnswers;
import dev.switchboard.chat.Usage;
import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.cost.Pricing;
import dev.switchboard.cost.SpendLedger;
import dev.switchboard.health.RouteAvailability;
import dev.switchboard.health.Ticket;
import dev.switchboard.health.Unavailable;
import dev.switchboard.metrics.GatewayMetrics;
import dev.switchboard.provider.FailureFallback;
import dev.switchboard.provider.FailureKind;
import dev.switchboard.provider.ProviderAdapter;
import dev.switchboard.provider.ProviderFailure;
import dev.switchboard.provider.InstanceGuards;
import dev.switchboard.provider.ProviderId;
import dev.switchboard.provider.ProviderType;
import dev.switchboard.routing.AllRoutesFailed.Verdict;
import dev.switchboard.routing.FailoverPolicy.Decision;
import dev.switchboard.security.SecretRedactor;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

/**
 * The orchestrating bean: walks a request's chain of routes, delegating each attempt to the
 * provider's adapter (and so to its typed REST client with timeout, breaker and fallback),
 * records every attempt, and decides with the {@link FailoverPolicy} what follows a failure,
 * all inside the request's {@link Deadline}. Non-blocking throughout.
 */
@ApplicationScoped
public class Router {

    private static final Logger LOG = Logger.getLogger(Router.class);

    private final Map<ProviderType, ProviderAdapter> adapters = new EnumMap<>(ProviderType.class);
    private final InstanceGuards guards;
    private final Balancer balancer;
    private final RouteAvailability availability;
    private final RouteTable routes;
    private final FailoverPolicy policy;
    private final SwitchboardConfig.Routing config;
    private final SecretRedactor redactor;
    private final StreamSettings streamSettings;
    private final ChainOrder order;
    private final GatewayMetrics metrics;
    private final ChainResolver chains;
    private final AutoRouting auto;
    private final SpendLedger spend;
    private final Vertx vertx;

    public Router(Instance<ProviderAdapter> adapters, RouteAvailability availability, RouteTable routes,
            SwitchboardConfig config, SecretRedactor redactor, StreamSettings streamSettings, GatewayMetrics metrics,
            ChainResolver chains, AutoRouting auto, SpendLedger spend, Vertx vertx, InstanceGuards guards,
            Balancer balancer) {
        this.balancer = balancer;
        adapters.forEach(adapter -> this.adapters.put(adapter.type(), adapter));
        this.guards = guards;
        this.availability = availability;
        this.routes = routes;
        this.config = config.routing();
        this.policy = new FailoverPolicy(config.routing());
        this.redactor = redactor;
        this.streamSettings = streamSettings;
        this.order = new ChainOrder(config.routing().order(), availability);
        this.metrics = metrics;
        this.chains = chains;
        this.auto = auto;
        this.spend = spend;
        this.vertx = vertx;
    }

    /**
     * What the request will try, before anything is called: the route its {@code model} names and
     * that route's chain, or for {@code model: "auto"} the route of the tier its complexity needs
     * (cost-aware routing, see {@link AutoRouting}).
     */
    public Plan plan(ChatRequest request, String model, List<String> fallbacks) {
        return AutoRouting.AUTO.equals(model) ? auto.plan(request, fallbacks) : Plan.of(chains.resolve(model, fallbacks));
    }

    /** The plan once a budget is spent: the cheapest tier's route (see {@link AutoRouting#downgrade}). */
    public Optional<Plan> downgrade(Plan plan, List<String> fallbacks) {
        return auto.downgrade(plan, fallbacks);
    }

    GatewayMetrics metrics() {
        return metrics;
    }

    ProviderAdapter adapter(ProviderId provider) {
        return adapters.get(provider.type());
    }

    StreamSettings streamSettings() {
        return streamSettings;
    }

    RouteAvailability availability() {
        return availability;
    }

    Vertx vertx() {
        return vertx;
    }

    /**
     * A whole answer from the first route along the chain that gives one, with what it cost: the
     * answering call at its route's price (failed attempts are never billed).
     */
    public Uni<RoutedAnswer> route(ChatRequest request, List<Route> chain, Deadline deadline, RequestContext context) {
        Call<ChatResult> whole = new Call<>() {
            @Override
            public Uni<ChatResult> attempt(Route route) {
                return guards.chat(route.provider(), () -> adapter(route.provider()).chat(request, route))
                        .map(result -> asked(request, route, result));
            }

            @Override
            public Optional<Duration> limit(Route route) {
                return route.timeout();
            }

            @Override
            public String model(ChatResult result) {
                return result.model();
            }

            @Override
            public Usage usage(ChatResult result) {
                return result.usage();
            }
        };
        return Uni.createFrom().deferred(() -> {
            Run<ChatResult> run = new Run<>(request, balancer.expand(chain), deadline, whole, context);
            return run.next()
                    .invoke(started -> run.answered(started.route()))
                    .onFailure(AllRoutesFailed.class).invoke(run::unanswered)
                    .map(started -> new RoutedAnswer(started.value(), started.route(), run.attempts(), run.cost()));
        });
    }

    /**
     * A streamed answer: the chain is walked exactly as for a whole answer until some route's stream
     * has begun (its first words arrived within the route's first-token limit), so every failure
     * before then stays invisible to the caller. From there a {@link StreamRelay} carries the stream,
     * and recovers it if it breaks. Each call that carried the stream is billed from its final usage,
     * at its own route's price.
     */
    public Uni<RoutedStream> stream(ChatRequest request, List<Route> chain, Deadline deadline, RequestContext context) {
        Call<LiveStream> streamed = new Call<>() {
            @Override
            public Uni<LiveStream> attempt(Route route) {
                return LiveStream.open(route.provider(), adapter(route.provider()).stream(request, route, Optional.empty()));
            }

            @Override
            public Optional<Duration> limit(Route route) {
                return Optional.of(streamSettings.firstTokenTimeout(route));
            }

            @Override
            public String model(LiveStream stream) {
                return null;
            }

            @Override
            public String limitMessage(Duration limit) {
                return "no first token within " + limit.toMillis() + " ms";
            }

            @Override
            public boolean streams() {
                return true;
            }
        };
        return Uni.createFrom().deferred(() -> {
            Run<LiveStream> run = new Run<>(request, balancer.expand(chain), deadline, streamed, context);
            return run.next()
                    .onFailure(AllRoutesFailed.class).invoke(run::unanswered)
                    .map(started -> new StreamRelay(this, run, started.route(), started.value(), started.ticket()).start());
        });
    }

    /** How one attempt on a route is made: for a whole answer, or for a stream up to its first words. */
    interface Call<T> {
        Uni<T> attempt(Route route);

        /** The route's own limit on one attempt, when it has one. */
        Optional<Duration> limit(Route route);

        /** The model that answered, when known at success. */
        String model(T value);

        default String limitMessage(Duration limit) {
            return "no response within the route timeout of " + limit.toMillis() + " ms";
        }

        /** Whether success is a stream's first words (its latency is then a time to first token). */
        default boolean streams() {
            return false;
        }

        /** The tokens billed for a whole answer; null for a stream, whose usage comes at its end. */
        default Usage usage(T value) {
            return null;
        }
    }

    /** An attempt that succeeded, on which route, and its ticket (a stream's verdict waits for its end). */
    record Started<T>(T value, Route route, Ticket ticket) {
    }

    /** One request's walk along its chain. Confined to that request; never shared. */
    final class Run<T> {
        private final ChatRequest request;
        private final Deque<Route> pending;
        private final Deadline deadline;
        private final Call<T> call;
        private final List<Attempt> attempts = new ArrayList<>();
        /** Routes passed over only on the gateway's own judgement: still worth one call if nothing else is left. */
        private final List<Route> lastResorts = new ArrayList<>();
        private final String requested;
        private final RequestContext context;
        /** What the request's billed calls cost so far. */
        private BigDecimal cost = BigDecimal.ZERO;
        private boolean billed;
        /** The latest route that failed or was passed over, until the request moves on to another. */
        private Attempt setback;
        private int calls;

        Run(ChatRequest request, List<Route> chain, Deadline deadline, Call<T> call, RequestContext context) {
            this.request = request;
            this.context = context;
            this.requested = chain.isEmpty() ? "none" : chain.get(0).name();
            this.pending = new ArrayDeque<>(order.arrange(chain, call.streams()));
            this.deadline = deadline;
            this.call = call;
        }

        ChatRequest request() {
            return request;
        }

        RequestContext context() {
            return context;
        }

        /**
         * One call was billed for this usage: charged at its route's price and added to the request's
         * cost. Only calls that delivered an answer (or part of a stream) get here, never failed attempts.
         */
        BigDecimal bill(Route route, Usage usage) {
            if (usage == null || usage.totalTokens() == 0) {
                return BigDecimal.ZERO;
            }
            BigDecimal charge = Pricing.cost(route, usage);
            boolean first;
            synchronized (this) {
                cost = cost.add(charge);
                first = !billed;
                billed = true;
            }
            spend.charged(route, usage, charge, context, first);
            return charge;
        }

        /** What the request's billed calls cost so far. */
        synchronized BigDecimal cost() {
            return cost;
        }

        /** Every attempt so far; a stream relay adds its own. */
        synchronized List<Attempt> attempts() {
            return List.copyOf(attempts);
        }

        synchronized void record(Attempt attempt) {
            attempts.add(attempt);
            if (attempt.failure() != null) {
                setback = attempt;
            }
        }

        /** A call is about to be made on this route: if the request moved here from another, that is a fallback. */
        synchronized void starting(Route route) {
            if (setback != null && !setback.route().equals(route.name())) {
                metrics.fallback(setback.route(), route.name(), setback.failure());
                setback = null;
            }
        }

        /** The request was answered (a stream: finished) on this route. */
        void answered(Route route) {
            metrics.request(requested, route.name().equals(requested) ? "success" : "fallback");
        }

        /** The request ended without an answer. */
        void unanswered(AllRoutesFailed failure) {
            metrics.request(requested, failure.verdict().name());
        }

        /** A started stream could not be finished. */
        void interrupted() {
            metrics.request(requested, "interrupted");
        }

        /** The caller left before the answer was complete. */
        void cancelled() {
            metrics.request(requested, "cancelled");
        }

        /**
         * The next route still worth a call that passes the filter, taken off the chain; routes
         * passed over are recorded. For a stream relay choosing where to continue.
         */
        synchronized Optional<Route> nextUsable(Predicate<Route> filter) {
            for (Route route = pending.poll(); route != null; route = pending.poll()) {
                Optional<Attempt> skip = skipped(route);
                if (skip.isPresent()) {
                    record(skip.get());
                } else if (filter.test(route)) {
                    return Optional.of(route);
                }
            }
            return Optional.empty();
        }

        /**
         * When no route of the chain was available and none has been called, the least bad of those out
         * on the gateway's own judgement (open circuit, failing probe): the one back soonest, then the
         * one with fewest errors, then the chain's order. Failing without trying would be worse.
         */
        private synchronized Optional<Route> leastBad() {
            if (attempts.stream().anyMatch(Attempt::called)) {
                return Optional.empty();
            }
            return lastResorts.stream()
                    .filter(route -> availability.unavailable(route).filter(Unavailable::lastResort).isPresent())
                    .min(Comparator.comparing(availability::outFor).thenComparingInt(availability::errors));
        }

        /** Counts a call against the request's attempt budget, if any is left. */
        synchronized boolean takeCall() {
            if (calls >= config.maxAttempts()) {
                return false;
            }
            calls++;
            return true;
        }

        Uni<Started<T>> next() {
            Optional<Route> route = nextUsable(any -> true);
            if (route.isPresent()) {
                Optional<Ticket> ticket = availability.admit(route.get());
                if (ticket.isEmpty()) {
                    // Another request took the half-open trial between the look and the call.
                    skipped(route.get()).ifPresent(this::record);
                    return next();
                }
                return call(route.get(), ticket.get(), 0);
            }
            Optional<Route> lastResort = leastBad();
            if (lastResort.isPresent()) {
                synchronized (this) {
                    lastResorts.clear();
                }
                LOG.infof("No route in the chain is available; trying the least bad, %s", lastResort.get().name());
                return call(lastResort.get(), availability.force(lastResort.get()), 0);
            }
            return Uni.createFrom().failure(exhausted());
        }

        /** Routes that cannot help are passed over without a call. */
        Optional<Attempt> skipped(Route route) {
            Optional<String> unsupported = unsupported(route, request);
            if (unsupported.isPresent()) {
                return Optional.of(Attempt.skipped(route, FailureKind.UNSUPPORTED, unsupported.get()));
            }
            Optional<Unavailable> out = availability.unavailable(route);
            out.filter(Unavailable::lastResort).filter(why -> !lastResorts.contains(route)).ifPresent(why -> lastResorts.add(route));
            return out.map(why -> Attempt.skipped(route, why.kind(), why.reason()));
        }

        private Uni<Started<T>> call(Route route, Ticket ticket, int retries) {
            Duration remaining = deadline.remaining();
            if (remaining.isZero() || !takeCall()) {
                ticket.released();
                return Uni.createFrom().failure(exhausted());
            }
            starting(route);
            Optional<Duration> own = call.limit(route);
            boolean routeLimitFirst = own.filter(t -> t.compareTo(remaining) < 0).isPresent();
            Duration limit = routeLimitFirst ? own.get() : remaining;
            long start = System.nanoTime();
            return Uni.createFrom().deferred(() -> call.attempt(route))
                    .ifNoItem().after(limit).failWith(() -> routeLimitFirst
                            ? new ProviderFailure.TimedOut(route.provider(), call.limitMessage(limit))
                            : new DeadlineReached())
                    .map(value -> {
                        String model = call.model(value);
                        long took = System.nanoTime() - start;
                        if (call.streams()) {
                            ticket.firstToken(Duration.ofNanos(took));
                            metrics.firstChunk(route, Duration.ofNanos(took));
                        } else {
                            ticket.succeeded(Duration.ofNanos(took));
                            metrics.call(route, model, Duration.ofNanos(took), null);
                            metrics.tokens(route, model, call.usage(value));
                            bill(route, call.usage(value));
                        }
                        record(new Attempt(route.name(), route.provider(), model == null ? route.model() : model, true,
                                null, 200, null, took / 1_000_000));
                        return new Started<>(value, route, ticket);
                    })
                    .onCancellation().invoke(ticket::released)
                    .onFailure().recoverWithUni(error -> failed(route, ticket, retries, error, start));
        }

        private Uni<Started<T>> failed(Route route, Ticket ticket, int retries, Throwable error, long start) {
            if (error instanceof DeadlineReached) {
                // The request ran out of time, which says nothing certain about this route.
                ticket.released();
                metrics.call(route, null, Duration.ofNanos(System.nanoTime() - start), FailureKind.TIMEOUT);
                record(new Attempt(route.name(), route.provider(), route.model(), true, FailureKind.TIMEOUT, 0,
                        "no response before the request deadline", millisSince(start)));
                return Uni.createFrom().failure(exhausted());
            }
            ProviderFailure failure = FailureFallback.classify(route.provider(), error);
            boolean called = !(failure instanceof ProviderFailure.CircuitOpen);
            if (!called) {
                synchronized (this) {
                    calls--;
                }
            }
            String detail = recordFailure(route, failure, called, start);
            ticket.failed(failure, detail);
            boolean othersLeft;
            synchronized (this) {
                othersLeft = pending.stream().anyMatch(r -> availability.unavailable(r).isEmpty()
                        && unsupported(r, request).isEmpty());
            }
            Decision decision = policy.decide(failure, retries, othersLeft, deadline.remaining());
            if (decision instanceof Decision.Retry retry && !availability.circuitOpen(route)) {
                Uni<Void> pause = retry.after().isZero() ? Uni.createFrom().voidItem()
                        : Uni.createFrom().voidItem().onItem().delayIt().by(retry.after());
                return pause.chain(() -> availability.admit(route)
                                .map(again -> call(route, again, retries + 1))
                                .orElseGet(this::next));
            }
            if (decision instanceof Decision.Stop) {
                return Uni.createFrom().failure(new AllRoutesFailed(Verdict.CONTENT_FILTERED, detail, attempts(), null));
            }
            return next();
        }

        /** Records and logs a failed call, learns from it, and returns its redacted detail. */
        String recordFailure(Route route, ProviderFailure failure, boolean called, long startNanos) {
            String detail = redactor.redact(failure.getMessage());
            record(new Attempt(route.name(), route.provider(), route.model(), called, failure.kind(),
                    failure.status(), detail, millisSince(startNanos)));
            if (called) {
                metrics.call(route, null, Duration.ofNanos(System.nanoTime() - startNanos), failure.kind());
            }
            LOG.infof("Route %s (%s/%s) failed: %s%s %s", route.name(), route.provider(), route.model(),
                    failure.kind().wireName(), failure.status() > 0 ? " " + failure.status() : "", detail);
            remember(route, failure);
            return detail;
        }

        /** What this failure teaches about the route, the provider and the rest of this chain. */
        private synchronized void remember(Route route, ProviderFailure failure) {
            if (failure instanceof ProviderFailure.AuthRejected) {
                availability.rejectKey(route.provider());
            } else if (failure instanceof ProviderFailure.ContextTooLong) {
                keepLargerContexts(route);
            }
        }

        /** F12: never the same model again; only routes with a larger window, and the route's context fallback first. */
        private void keepLargerContexts(Route overflowed) {
            int window = overflowed.contextWindow();
            pending.removeIf(route -> {
                // A balanced route's deployments all serve its one model, whatever their instances call it.
                boolean sameModel = route.provider().equals(overflowed.provider()) && route.model().equals(overflowed.model())
                        || overflowed.name().indexOf(Route.DEPLOYMENT_SEPARATOR) >= 0
                                && route.configuredName().equals(overflowed.configuredName());
                boolean notLarger = window > 0 && route.contextWindow() != Route.UNKNOWN_CONTEXT
                        && route.contextWindow() <= window;
                if (sameModel || notLarger) {
                    record(Attempt.skipped(route, FailureKind.CONTEXT_TOO_LONG,
                            "context window not larger than " + overflowed.name() + "'s " + window));
                }
                return sameModel || notLarger;
            });
            List<Route> fallback = overflowed.contextFallback().flatMap(routes::named)
                    .map(route -> balancer.expand(List.of(route))).orElse(List.of());
            for (int i = fallback.size() - 1; i >= 0; i--) {
                Route route = fallback.get(i);
                if (attempts.stream().noneMatch(a -> a.route().equals(route.name())) && !pending.contains(route)) {
                    pending.addFirst(route);
                }
            }
        }

        private synchronized AllRoutesFailed exhausted() {
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

    /**
     * The answer, if it has the shape the request asked for; an answer that is not the JSON asked
     * for is a malformed one, so the request fails over and it is never remembered.
     */
    private static ChatResult asked(ChatRequest request, Route route, ChatResult result) {
        JsonAnswers.problem(request.format(), result.content(), result.finishReason(), !result.toolCalls().isEmpty())
                .ifPresent(problem -> {
                    throw new ProviderFailure.MalformedResponse(route.provider(),
                            "asked for " + request.format().kind().name().toLowerCase(Locale.ROOT) + ", " + problem, null);
                });
        return result;
    }

    /** Why a route cannot serve the request (its model, or its provider's API, lacks something asked for), if so. */
    private Optional<String> unsupported(Route route, ChatRequest request) {
        Optional<String> byRoute = route.cannotServe(request);
        return byRoute.isPresent() ? byRoute : adapter(route.provider()).unsupported(request);
    }

    static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    /** The request's deadline, not a route's own limit, ended the attempt. */
    private static final class DeadlineReached extends RuntimeException {
        DeadlineReached() {
            super("deadline reached", null, false, false);
        }
    }
}
