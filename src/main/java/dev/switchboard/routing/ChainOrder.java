package dev.switchboard.routing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.switchboard.config.SwitchboardConfig.RouteOrder;
import dev.switchboard.health.RouteAvailability;

/**
 * The order in which a request tries its chain. {@code priority} keeps the configured order.
 * {@code latency} keeps every tier in the places the chain gives it, and within a tier puts the
 * fastest route first by observed average latency (time to first token for streams). A route not
 * yet measured goes first in its tier, so it gets measured. Routes that are unavailable are not
 * moved here: the router passes over them wherever they stand.
 */
final class ChainOrder {

    private final RouteOrder order;
    private final RouteAvailability availability;

    ChainOrder(RouteOrder order, RouteAvailability availability) {
        this.order = order;
        this.availability = availability;
    }

    List<Route> arrange(List<Route> chain, boolean stream) {
        if (order == RouteOrder.PRIORITY || chain.size() < 2) {
            return chain;
        }
        Map<Optional<Tier>, List<Route>> byTier = new LinkedHashMap<>();
        chain.forEach(route -> byTier.computeIfAbsent(route.tier(), tier -> new ArrayList<>()).add(route));
        Comparator<Route> fastestFirst = Comparator.comparingDouble(route -> {
            double average = availability.averageMillis(route, stream);
            return Double.isNaN(average) ? -1 : average;
        });
        byTier.values().forEach(routes -> routes.sort(fastestFirst));
        Map<Optional<Tier>, Integer> taken = new LinkedHashMap<>();
        List<Route> arranged = new ArrayList<>(chain.size());
        for (Route place : chain) {
            int index = taken.merge(place.tier(), 1, Integer::sum) - 1;
            arranged.add(byTier.get(place.tier()).get(index));
        }
        return arranged;
    }
}
