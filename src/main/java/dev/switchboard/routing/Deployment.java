package dev.switchboard.routing;

/**
 * One deployment of a balanced route: the route as served by one provider instance and model
 * (named {@code <route>@<deployment>}, priced as the route), and its share of the route's traffic.
 */
public record Deployment(Route route, int weight) {

    public Deployment {
        if (weight < 1) {
            throw new IllegalArgumentException("weight must be at least 1");
        }
    }
}
