package dev.switchboard.routing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import dev.switchboard.config.SwitchboardConfig.Balance;
import dev.switchboard.health.LatencyStats;
import dev.switchboard.health.RouteAvailability;
import dev.switchboard.health.RouteStatus;

/**
 * Spreads a balanced route's traffic over its deployments. A chain names the balanced route; here it
 * becomes that route's deployments in the order this request tries them: first the one the route's
 * {@link Balance} picks among the available deployments, then the other available ones by weight,
 * then those that are out (the router skips and records them). So a failure moves to the route's
 * other deployments before the chain moves on, and a deployment that is out takes no share: its
 * share goes to the others, whose circuits are their own.
 */
@ApplicationScoped
public class Balancer {

    private final RouteTable routes;
    private final RouteAvailability availability;
    /** Each deployment's running weight for smooth weighted round robin, by deployment route name. */
    private final Map<String, Integer> current = new HashMap<>();
    /** Requests seen per latency-balanced route, for {@link #exploring}. */
    private final Map<String, AtomicLong> explored = new ConcurrentHashMap<>();

    /** One request in this many of a latency-balanced route goes by weight, to measure the others again. */
    static final int EXPLORE_EVERY = 10;

    public Balancer(RouteTable routes, RouteAvailability availability) {
        this.routes = routes;
        this.availability = availability;
    }

    /** The chain with every balanced route replaced by its deployments, in the order this request tries them. */
    public List<Route> expand(List<Route> chain) {
        List<Route> expanded = null;
        for (int i = 0; i < chain.size(); i++) {
            Route route = chain.get(i);
            List<Deployment> members = routes.deployments(route);
            if (members.isEmpty()) {
                if (expanded != null) {
                    expanded.add(route);
                }
                continue;
            }
            if (expanded == null) {
                expanded = new ArrayList<>(chain.subList(0, i));
            }
            expanded.addAll(order(route, members));
        }
        return expanded == null ? chain : List.copyOf(expanded);
    }

    private List<Route> order(Route route, List<Deployment> members) {
        List<Deployment> available = new ArrayList<>();
        List<Route> out = new ArrayList<>();
        for (Deployment member : members) {
            if (availability.unavailable(member.route()).isEmpty()) {
                available.add(member);
            } else {
                out.add(member.route());
            }
        }
        List<Route> ordered = new ArrayList<>(members.size());
        if (!available.isEmpty()) {
            Deployment first = routes.balance(route) == Balance.LATENCY ? byLatency(route, available)
                    : nextByWeight(available);
            ordered.add(first.route());
            available.stream().filter(member -> member != first)
                    .sorted(Comparator.comparingInt(Deployment::weight).reversed())
                    .forEach(member -> ordered.add(member.route()));
        }
        ordered.addAll(out);
        return ordered;
    }

    /**
     * Smooth weighted round robin (nginx's): each deployment gains its weight, the one with the most
     * is picked and loses the total. Over any run of requests the shares are exact to within one
     * request, and a heavy deployment's turns are spread out rather than bunched.
     */
    private synchronized Deployment nextByWeight(List<Deployment> available) {
        int total = 0;
        Deployment best = null;
        int bestWeight = Integer.MIN_VALUE;
        for (Deployment member : available) {
            int weight = current.merge(member.route().name(), member.weight(), Integer::sum);
            total += member.weight();
            if (weight > bestWeight) {
                best = member;
                bestWeight = weight;
            }
        }
        current.merge(best.route().name(), -total, Integer::sum);
        return best;
    }

    /**
     * The fastest available deployment, except for one request in {@link #EXPLORE_EVERY}, which goes to
     * one of the others by weight: so a deployment that was slow once (a cold connection, a bad minute)
     * is measured again rather than left out for good on an old figure.
     */
    private Deployment byLatency(Route route, List<Deployment> available) {
        Deployment fastest = fastest(available);
        boolean exploring = available.size() > 1
                && explored.computeIfAbsent(route.name(), name -> new AtomicLong()).incrementAndGet() % EXPLORE_EVERY == 0;
        return exploring ? nextByWeight(available.stream().filter(member -> member != fastest).toList()) : fastest;
    }

    /** The lowest recent latency observed; one not yet measured goes first, so that it gets measured. */
    private Deployment fastest(List<Deployment> available) {
        return available.stream()
                .min(Comparator.comparingDouble((Deployment member) -> recentMillis(member.route()))
                        .thenComparing(Comparator.comparingInt(Deployment::weight).reversed()))
                .orElseThrow();
    }

    private double recentMillis(Route route) {
        return availability.route(route.name()).map(RouteStatus::latency)
                .filter(latency -> latency.samples() > 0).map(LatencyStats::recentMillis).orElse(0.0);
    }
}
