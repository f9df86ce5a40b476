package dev.switchboard.complexity;

import dev.switchboard.routing.Tier;

/**
 * How likely each tier is to be the cheapest one that answers a request well, as the
 * {@link LearnedClassifier} estimates it; the three sum to 1.
 */
public record TierProbabilities(double simple, double moderate, double complex) {

    /** The chance that a model of this tier (or a cheaper one) suffices: how often routing there would be right. */
    public double sufficient(Tier tier) {
        return switch (tier) {
            case SIMPLE -> simple;
            case MODERATE -> simple + moderate;
            case COMPLEX -> simple + moderate + complex;
        };
    }

    /**
     * The chance that the request needs more than the cheap tier: the continuous score for choosing
     * between a weak and a strong model at any budget (a higher score sends a request up first).
     */
    public double beyondSimple() {
        return moderate + complex;
    }
}
