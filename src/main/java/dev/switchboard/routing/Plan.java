package dev.switchboard.routing;

import java.util.List;
import java.util.Optional;

/**
 * What a request will try, decided before any call: its chain of routes, for {@code model: "auto"}
 * the complexity tier that chose the first of them, and whether a spent budget moved it to the
 * cheapest tier instead.
 */
public record Plan(List<Route> chain, Optional<Tier> complexity, boolean downgraded) {

    public Plan {
        chain = List.copyOf(chain);
    }

    public Plan(List<Route> chain, Optional<Tier> complexity) {
        this(chain, complexity, false);
    }

    public static Plan of(List<Route> chain) {
        return new Plan(chain, Optional.empty());
    }
}
