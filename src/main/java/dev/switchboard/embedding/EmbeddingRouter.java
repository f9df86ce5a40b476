package dev.switchboard.embedding;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import org.jboss.logging.Logger;

import dev.switchboard.chat.Usage;
import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.cost.BudgetExceeded;
import dev.switchboard.cost.Budgets;
import dev.switchboard.cost.Pricing;
import dev.switchboard.cost.SpendLedger;
import dev.switchboard.health.RouteAvailability;
import dev.switchboard.health.Ticket;
import dev.switchboard.health.Unavailable;
import dev.switchboard.metrics.GatewayMetrics;
import dev.switchboard.provider.FailureFallback;
import dev.switchboard.provider.FailureKind;
import dev.switchboard.provider.ProviderFailure;
import dev.switchboard.provider.InstanceGuards;
import dev.switchboard.provider.ProviderId;
import dev.switchboard.provider.ProviderType;
import dev.switchboard.routing.AllRoutesFailed;
import dev.switchboard.routing.AllRoutesFailed.Verdict;
import dev.switchboard.routing.Attempt;
import dev.switchboard.routing.Deadline;
import dev.switchboard.routing.FailoverPolicy;
import dev.switchboard.routing.FailoverPolicy.Decision;
import dev.switchboard.routing.RequestContext;
import dev.switchboard.routing.Route;
import dev.switchboard.security.SecretRedactor;
import io.smallrye.mutiny.Uni;

/**
 * Walks an embeddings request's chain (its route, then that route's fallbacks, all of one vector
 * space) the way the chat router walks a chat chain: each route admitted by {@link RouteAvailability}
 * (its circuit, cooldown, failing probe, rejected key), each failure judged by the same
 * {@link FailoverPolicy} (retry once, fail over, honour Retry-After), every attempt recorded, all
 * inside the request's {@link Deadline}, and no route ever answering {@link AllRoutesFailed} in the
 * chat router's verdicts. What is particular to embeddings: an answer must hold one vector per input,
 * each of the route's dimensions (else it is malformed and the request fails over), and an input too
 * long for the model stops the walk, since every other route is the same model. Degraded mode does not
 * apply: there is no sensible stand-in for a vector. Non-blocking throughout.
 */
@ApplicationScoped
public class EmbeddingRouter {

    private static final Logger LOG = Logger.getLogger(EmbeddingRouter.class);

    private final Map<ProviderType, EmbeddingAdapter> adapters = new EnumMap<>(ProviderType.class);
    private final InstanceGuards guards;
    private final RouteAvailability availability;
    private final FailoverPolicy policy;
    private final SwitchboardConfig config;
    private final SecretRedactor redactor;
    private final GatewayMetrics metrics;
    private final SpendLedger spend;
    private final Budgets budgets;

    public EmbeddingRouter(Instance<EmbeddingAdapter> adapters, RouteAvailability availability, SwitchboardConfig config,
            SecretRedactor redactor, GatewayMetrics metrics, SpendLedger spend, Budgets budgets, InstanceGuards guards) {
        adapters.forEach(adapter -> this.adapters.put(adapter.type(), adapter));
        this.guards = guards;
        this.availability = availability;
        this.policy = new FailoverPolicy(config.routing());
        this.config = config;
        this.redactor = redactor;
        this.metrics = metrics;
        this.spend = spend;
        this.budgets = budgets;
    }

    /**
     * Before any provider call: a caller whose daily budget is spent is refused. An embeddings request always
     * names its route, so it is treated as a chat request naming a route is: refused with
     * {@code on-exceeded=reject}, and with {@code downgrade} only when named routes are downgraded too, since
     * no cheaper route is in the same vector space to downgrade to; otherwise served as asked.
     */
    public void admit(String caller) {
        Optional<BudgetExceeded> spent = budgets.exceeded(caller);
        SwitchboardConfig.Budgets settings = config.budgets();
        if (spent.isPresent() && (settings.onExceeded() == SwitchboardConfig.OnExceeded.REJECT
                || settings.downgradeNamedRoutes())) {
            throw spent.get();
        }
    }

    /** Embeddings from the first route along the chain that gives them, with what that call cost. */
    public Uni<EmbeddedAnswer> route(EmbeddingRequest request, List<EmbeddingRoute> chain, Deadline deadline,
            RequestContext context) {
        return Uni.createFrom().deferred(() -> new Run(request, chain, deadline, context).next());
    }

    /** One request's walk along its chain; its steps follow one another, never overlap. */
    private final class Run {
        private final EmbeddingRequest request;
        private final Deque<EmbeddingRoute> pending;
        private final Deadline deadline;
        private final RequestContext context;
        private final String requested;
        private final Map<String, EmbeddingRoute> chain = new HashMap<>();
        private final List<Attempt> attempts = new ArrayList<>();
        /** Routes passed over only on the gateway's own judgement: worth one call if nothing else is left. */
        private final List<EmbeddingRoute> lastResorts = new ArrayList<>();
        private Attempt setback;
        private int calls;

        Run(EmbeddingRequest request, List<EmbeddingRoute> chain, Deadline deadline, RequestContext context) {
            this.request = request;
            this.pending = new ArrayDeque<>(chain);
            this.deadline = deadline;
            this.context = context;
            this.requested = chain.isEmpty() ? "none" : chain.get(0).name();
            chain.forEach(route -> this.chain.put(route.name(), route));
        }

        synchronized void record(Attempt attempt) {
            attempts.add(attempt);
            if (attempt.failure() != null) {
                setback = attempt;
            }
        }

        Uni<EmbeddedAnswer> next() {
            for (EmbeddingRoute next = pending.poll(); next != null; next = pending.poll()) {
                EmbeddingRoute route = next;
                Optional<Unavailable> out = availability.unavailable(route.route());
                Optional<Ticket> ticket = out.isPresent() ? Optional.empty() : availability.admit(route.route());
                if (ticket.isPresent()) {
                    return call(route, ticket.get(), 0);
                }
                // Out now, or another request took the half-open trial between the look and the call.
                Unavailable why = out.or(() -> availability.unavailable(route.route()))
                        .orElse(new Unavailable(FailureKind.CIRCUIT_OPEN, "a trial call is already in flight", false));
                if (why.lastResort()) {
                    lastResorts.add(route);
                }
                record(Attempt.skipped(route.route(), why.kind(), why.reason()));
            }
            if (attempts.stream().noneMatch(Attempt::called) && !lastResorts.isEmpty()) {
                EmbeddingRoute leastBad = lastResorts.get(0);
                lastResorts.clear();
                LOG.infof("No embedding route in the chain is available; trying %s anyway", leastBad.name());
                return call(leastBad, availability.force(leastBad.route()), 0);
            }
            return failed(exhausted());
        }

        private Uni<EmbeddedAnswer> call(EmbeddingRoute route, Ticket ticket, int retries) {
            Duration remaining = deadline.remaining();
            if (remaining.isZero() || calls >= config.routing().maxAttempts()) {
                ticket.released();
                return failed(exhausted());
            }
            calls++;
            if (setback != null && !setback.route().equals(route.name())) {
                metrics.fallback(setback.route(), route.name(), setback.failure());
                setback = null;
            }
            Optional<Duration> own = route.route().timeout();
            boolean routeLimitFirst = own.filter(limit -> limit.compareTo(remaining) < 0).isPresent();
            Duration limit = routeLimitFirst ? own.get() : remaining;
            long start = System.nanoTime();
            return guards.embeddings(route.provider(), () -> adapters.get(route.provider().type()).embed(request, route))
                    .map(result -> checked(route, result))
                    .ifNoItem().after(limit).failWith(() -> routeLimitFirst
                            ? new ProviderFailure.TimedOut(route.provider(),
                                    "no response within the route timeout of " + limit.toMillis() + " ms")
                            : new DeadlineReached())
                    .map(result -> answered(route, ticket, result, System.nanoTime() - start))
                    .onCancellation().invoke(ticket::released)
                    .onFailure().recoverWithUni(error -> failed(route, ticket, retries, error, start));
        }

        private EmbeddedAnswer answered(EmbeddingRoute route, Ticket ticket, EmbeddingResult result, long tookNanos) {
            Duration took = Duration.ofNanos(tookNanos);
            String model = result.model() == null ? route.model() : result.model();
            ticket.succeeded(took);
            Usage usage = new Usage(result.promptTokens(), 0);
            metrics.call(GatewayMetrics.EMBEDDINGS, route.route(), model, took, null);
            metrics.tokens(GatewayMetrics.EMBEDDINGS, route.route(), model, usage);
            BigDecimal cost = Pricing.cost(route.route(), usage);
            if (usage.totalTokens() > 0) {
                spend.chargedEmbeddings(route.route(), usage, cost, context);
            }
            record(new Attempt(route.name(), route.provider(), model, true, null, 200, null, tookNanos / 1_000_000));
            metrics.request(GatewayMetrics.EMBEDDINGS, requested, route.name().equals(requested) ? "success" : "fallback");
            synchronized (this) {
                return new EmbeddedAnswer(result, route, List.copyOf(attempts), cost);
            }
        }

        /** An answer that is not one vector per input, each of the expected size and finite, is malformed. */
        private EmbeddingResult checked(EmbeddingRoute route, EmbeddingResult result) {
            int inputs = request.inputs().size();
            if (result.vectors().size() != inputs) {
                throw malformed(route, result.vectors().size() + " vectors for " + inputs + " inputs");
            }
            Optional<Integer> expected = route.expectedDimensions(request);
            int size = expected.orElse(result.vectors().get(0) == null ? 0 : result.vectors().get(0).length);
            for (int i = 0; i < inputs; i++) {
                float[] vector = result.vectors().get(i);
                if (vector == null || vector.length == 0) {
                    throw malformed(route, "no vector for input " + i);
                }
                if (vector.length != size) {
                    throw malformed(route, "a vector of " + vector.length + " dimensions for input " + i + ", expected "
                            + size + (expected.isPresent() ? " (the route's dimensions)" : ""));
                }
                for (float value : vector) {
                    if (!Float.isFinite(value)) {
                        throw malformed(route, "a vector holding " + value + " for input " + i);
                    }
                }
            }
            return result;
        }

        private Uni<EmbeddedAnswer> failed(EmbeddingRoute route, Ticket ticket, int retries, Throwable error, long start) {
            long tookMs = (System.nanoTime() - start) / 1_000_000;
            if (error instanceof DeadlineReached) {
                ticket.released();
                metrics.call(GatewayMetrics.EMBEDDINGS, route.route(), null, Duration.ofNanos(System.nanoTime() - start),
                        FailureKind.TIMEOUT);
                record(new Attempt(route.name(), route.provider(), route.model(), true, FailureKind.TIMEOUT, 0,
                        "no response before the request deadline", tookMs));
                return failed(exhausted());
            }
            ProviderFailure failure = FailureFallback.classify(route.provider(), error);
            boolean called = !(failure instanceof ProviderFailure.CircuitOpen);
            if (!called) {
                calls--;
            }
            String detail = redactor.redact(failure.getMessage());
            record(new Attempt(route.name(), route.provider(), route.model(), called, failure.kind(), failure.status(),
                    detail, tookMs));
            if (called) {
                metrics.call(GatewayMetrics.EMBEDDINGS, route.route(), null, Duration.ofNanos(System.nanoTime() - start),
                        failure.kind());
            }
            LOG.infof("Embedding route %s (%s/%s) failed: %s%s %s", route.name(), route.provider(), route.model(),
                    failure.kind().wireName(), failure.status() > 0 ? " " + failure.status() : "", detail);
            ticket.failed(failure, detail);
            if (failure instanceof ProviderFailure.AuthRejected) {
                availability.rejectKey(route.provider());
            } else if (failure instanceof ProviderFailure.ContextTooLong) {
                // Every route left is the same model: the input is too long for each of them.
                for (EmbeddingRoute rest = pending.poll(); rest != null; rest = pending.poll()) {
                    record(Attempt.skipped(rest.route(), FailureKind.CONTEXT_TOO_LONG,
                            "the same model as " + route.name() + ", whose input limit the request exceeds"));
                }
            }
            boolean othersLeft = pending.stream().anyMatch(r -> availability.unavailable(r.route()).isEmpty());
            Decision decision = policy.decide(failure, retries, othersLeft, deadline.remaining());
            if (decision instanceof Decision.Retry retry && !availability.circuitOpen(route.route())) {
                Uni<Void> pause = retry.after().isZero() ? Uni.createFrom().voidItem()
                        : Uni.createFrom().voidItem().onItem().delayIt().by(retry.after());
                return pause.chain(() -> availability.admit(route.route())
                        .map(again -> call(route, again, retries + 1))
                        .orElseGet(this::next));
            }
            if (decision instanceof Decision.Stop) {
                return failed(new AllRoutesFailed(Verdict.CONTENT_FILTERED, detail, attempts, null));
            }
            return next();
        }

        private Uni<EmbeddedAnswer> failed(AllRoutesFailed failure) {
            metrics.request(GatewayMetrics.EMBEDDINGS, requested, failure.verdict().name());
            return Uni.createFrom().failure(failure);
        }

        private synchronized AllRoutesFailed exhausted() {
            if (deadline.expired()) {
                return new AllRoutesFailed(Verdict.DEADLINE_EXCEEDED,
                        "The request deadline ran out before any embedding route answered. " + summary(), attempts, null);
            }
            if (attempts.isEmpty()) {
                return new AllRoutesFailed(Verdict.UPSTREAM_FAILED, "No embedding route to try.", attempts, null);
            }
            if (attempts.stream().allMatch(a -> a.failure() == FailureKind.CONTEXT_TOO_LONG)) {
                String upstream = attempts.stream().filter(Attempt::called).map(Attempt::detail).findFirst()
                        .orElse("the input is too long for the model");
                return new AllRoutesFailed(Verdict.CONTEXT_TOO_LONG, upstream, attempts, null);
            }
            if (attempts.stream().allMatch(a -> a.failure() == FailureKind.RATE_LIMITED)) {
                Duration retryAfter = attempts.stream()
                        .map(a -> availability.coolingFor(routeOf(a)).orElse(Duration.ZERO))
                        .min(Duration::compareTo).orElse(Duration.ZERO);
                return new AllRoutesFailed(Verdict.RATE_LIMITED, "Every embedding route is rate limited. " + summary(),
                        attempts, retryAfter.isZero() ? null : retryAfter);
            }
            return new AllRoutesFailed(Verdict.UPSTREAM_FAILED, "All embedding routes failed. " + summary(), attempts, null);
        }

        /** The route an attempt was made on, to read its cooldown. */
        private Route routeOf(Attempt attempt) {
            return chain.get(attempt.route()).route();
        }

        private String summary() {
            return attempts.stream()
                    .map(a -> a.route() + ": " + a.failure().wireName() + (a.status() > 0 ? " " + a.status() : "")
                            + (a.detail() == null ? "" : " (" + a.detail() + ")"))
                    .collect(Collectors.joining("; "));
        }

        private ProviderFailure malformed(EmbeddingRoute route, String problem) {
            return new ProviderFailure.MalformedResponse(route.provider(), "embeddings answer has " + problem, null);
        }
    }

    /** The request's deadline, not a route's own limit, ended the attempt. */
    private static final class DeadlineReached extends RuntimeException {
        DeadlineReached() {
            super("deadline reached", null, false, false);
        }
    }
}
