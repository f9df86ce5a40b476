package dev.switchboard.routing;

import java.util.List;
import java.util.Optional;

/**
 * What a request will try, decided before any call: its chain of routes and, for
 * {@code model: "auto"}, the complexity tier that chose the first of them.
 */
public record Plan(List<Route> chain, Optional<Tier> complexity) {

    public Plan {
        chain = List.copyOf(chain);
    }

    public static Plan of(List<Route> chain) {
        return new Plan(chain, Optional.empty());
    }
}
