package dev.switchboard.api;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.switchboard.chat.ChatRequest;
import dev.switchboard.chat.InvalidRequestException;
import dev.switchboard.chat.StreamEvent;
import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.cost.Budgets;
import dev.switchboard.degraded.DegradedAnswer;
import dev.switchboard.degraded.DegradedMode;
import dev.switchboard.degraded.Standby;
import dev.switchboard.provider.ProviderEndpoints;
import dev.switchboard.routing.AllRoutesFailed;
import dev.switchboard.routing.Deadline;
import dev.switchboard.routing.Plan;
import dev.switchboard.routing.RequestContext;
import dev.switchboard.routing.Route;
import dev.switchboard.routing.RoutedAnswer;
import dev.switchboard.routing.RoutedStream;
import dev.switchboard.routing.Router;
import dev.switchboard.security.Callers;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * What every API that asks for a conversation's answer shares, whatever its wire format (Chat
 * Completions, Anthropic Messages, Responses): the caller's budget admits the plan before any
 * provider call, the router answers within the deadline, a good answer is remembered, and when no
 * route answered, degraded mode may stand in. Each API's resource translates its request into a
 * {@link ChatRequest} before, and the {@link Outcome} into its own format after.
 */
@ApplicationScoped
public class ChatExchange {

    private final Router router;
    private final ProviderEndpoints endpoints;
    private final Callers callers;
    private final Budgets budgets;
    private final DegradedMode degraded;
    private final Duration deadline;

    public ChatExchange(Router router, ProviderEndpoints endpoints, Callers callers, Budgets budgets,
            DegradedMode degraded, SwitchboardConfig config) {
        this.router = router;
        this.endpoints = endpoints;
        this.callers = callers;
        this.budgets = budgets;
        this.degraded = degraded;
        this.deadline = config.routing().deadline();
    }

    /**
     * What the request came with besides the conversation: the gateway's own headers and the route.
     *
     * @param model      a route's name, {@code provider/model} or {@code auto}
     * @param fallbacks  routes the caller asks to try after the model's own chain; may be null
     * @param caller     the caller's non-secret id (see {@link Callers})
     * @param deadlineMs the {@code X-Switchboard-Deadline-Ms} header, or null
     * @param category   the {@code X-Switchboard-Category} header, or null
     * @param degraded   the {@code X-Switchboard-Degraded} header, or null
     */
    public record Intake(String model, List<String> fallbacks, String caller, String deadlineMs, String category,
            String degraded) {
    }

    /** How a request ended: answered whole, streaming, or answered by degraded mode. */
    public sealed interface Outcome {
        Plan plan();
    }

    /** @param simulated whether a simulated provider answered */
    public record Answered(RoutedAnswer answer, Plan plan, boolean simulated) implements Outcome {
    }

    /** @param events the stream's events, recorded for degraded mode as they pass */
    public record Streaming(RoutedStream stream, Multi<StreamEvent> events, Plan plan, boolean simulated)
            implements Outcome {
    }

    /** No route answered and degraded mode stood in; {@code streams} says whether the caller asked for a stream. */
    public record Degraded(DegradedAnswer answer, AllRoutesFailed failure, Plan plan, boolean streams)
            implements Outcome {
    }

    /** The caller behind this Authorization header (or Anthropic's {@code x-api-key}), already admitted. */
    public String caller(String authorization) {
        return callers.identify(authorization);
    }

    /**
     * The request's answer. Fails with {@link AllRoutesFailed} (tagged with the request's tier) when no
     * route answered and degraded mode did not stand in, with {@code BudgetExceeded} when the caller's
     * budget is spent, and with {@link InvalidRequestException} for a bad header or model.
     */
    public Uni<Outcome> answer(ChatRequest request, Intake intake, boolean streams) {
        Optional<String> category = category(intake.category());
        boolean degradedAllowed = degradedAllowed(intake.degraded());
        // Before any provider call: a request over budget never reaches one.
        Plan plan = budgets.admit(intake.caller(), router.plan(request, intake.model(), intake.fallbacks()),
                intake.fallbacks(), router);
        Deadline requestDeadline = Deadline.after(budget(intake.deadlineMs()));
        RequestContext context = new RequestContext(intake.caller(), plan.complexity());
        Standby standby = degraded.standby(intake.caller(), intake.model(), request, category,
                plan.chain().isEmpty() ? null : plan.chain().get(0).name(), degradedAllowed);
        Uni<Outcome> outcome = streams
                ? router.stream(request, plan.chain(), requestDeadline, context).map(stream -> {
                    boolean simulated = simulated(stream.route());
                    return new Streaming(stream, standby.recording(stream.events(), simulated), plan, simulated);
                })
                : router.route(request, plan.chain(), requestDeadline, context).map(answer -> {
                    boolean simulated = simulated(answer.route());
                    standby.remember(answer.result(), simulated);
                    return new Answered(answer, plan, simulated);
                });
        outcome = outcome.onFailure(AllRoutesFailed.class).recoverWithUni(failure -> {
            AllRoutesFailed unanswered = (AllRoutesFailed) failure;
            return standby.answerFor(unanswered, requestDeadline)
                    .map(answer -> Uni.createFrom().<Outcome>item(new Degraded(answer, unanswered, plan, streams)))
                    .orElseGet(() -> Uni.createFrom().failure(failure));
        });
        return outcome.onFailure(AllRoutesFailed.class).transform(failure -> plan.complexity()
                .<Throwable>map(((AllRoutesFailed) failure)::classifiedAs).orElse(failure));
    }

    /** Whether the route's provider is simulated. */
    public boolean simulated(Route route) {
        return endpoints.simulated(route.provider());
    }

    private Duration budget(String header) {
        return budget(header, deadline);
    }

    /**
     * The configured deadline, or the caller's shorter one from {@code X-Switchboard-Deadline-Ms}; a
     * caller can never lengthen it. Every API that routes reads it so.
     */
    static Duration budget(String header, Duration deadline) {
        if (header == null || header.isBlank()) {
            return deadline;
        }
        try {
            long millis = Long.parseLong(header.trim());
            if (millis <= 0) {
                throw new NumberFormatException();
            }
            Duration asked = Duration.ofMillis(millis);
            return asked.compareTo(deadline) < 0 ? asked : deadline;
        } catch (NumberFormatException e) {
            throw new InvalidRequestException(400, GatewayHeaders.DEADLINE_MS,
                    "Header " + GatewayHeaders.DEADLINE_MS + " must be a positive number of milliseconds", "invalid_header");
        }
    }

    /** The degraded-mode category the request's header names, if any; one no category is called is bad input. */
    private Optional<String> category(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String category = header.trim();
        if (!degraded.knows(category)) {
            throw new InvalidRequestException(400, GatewayHeaders.CATEGORY, "Header " + GatewayHeaders.CATEGORY
                    + " names an unknown category '" + category + "'; known: " + String.join(", ", degraded.categories()),
                    "invalid_header");
        }
        return Optional.of(category);
    }

    /** Whether the caller lets this request have a degraded answer: {@code off} opts out. */
    private static boolean degradedAllowed(String header) {
        if (header == null || header.isBlank() || header.trim().equalsIgnoreCase("on")) {
            return true;
        }
        if (header.trim().equalsIgnoreCase("off")) {
            return false;
        }
        throw new InvalidRequestException(400, GatewayHeaders.DEGRADED,
                "Header " + GatewayHeaders.DEGRADED + " must be 'on' or 'off'", "invalid_header");
    }
}
