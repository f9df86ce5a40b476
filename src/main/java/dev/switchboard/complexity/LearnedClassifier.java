package dev.switchboard.complexity;

import java.io.IOException;
import java.io.InputStream;

import dev.switchboard.chat.ChatRequest;
import dev.switchboard.complexity.ClassifierWeights.InvalidWeightsException;
import dev.switchboard.routing.Tier;

/**
 * The default complexity classifier: a multinomial logistic regression over
 * {@link ConversationFeatures}, trained offline on RouterBench prompts (labelled by which of a cheap,
 * a mid and a strong model answered them correctly) and MATH difficulty levels, and shipped as the
 * resource {@value #RESOURCE}. Training, evaluation against the seed's keyword heuristic and the
 * reproduction command are in {@code src/bench/classifier/}.
 *
 * <p>It estimates, for each tier, the chance that it is the cheapest one that answers well, then picks
 * the tier with the best trade-off between the chance of a good answer and the tier's cost:
 * {@code sufficient(tier) - costWeight * tierCost(tier)}. Both the relative costs and the cost weight
 * come from the weights file, the latter chosen on development data only. The probabilities are exposed
 * too ({@link #probabilities}, {@link #score}), for policies that weigh them against the configured
 * routes' own prices.
 *
 * <p>One classification is a single pass over the end of the last message and 63 multiply-adds:
 * microseconds (see {@code src/bench/classifier/bench.sh}), no network, no shared mutable state.
 */
public final class LearnedClassifier implements ComplexityClassifier {

    /** Where the shipped weights are on the class path. */
    public static final String RESOURCE = "complexity/weights.json";

    private static final Tier[] TIERS = Tier.values();

    private final ClassifierWeights weights;
    /** Per tier, the weights divided by each feature's scale, so serving skips the standardisation. */
    private final double[][] folded;
    /** Per tier, the intercept with each feature's mean folded in. */
    private final double[] offsets;

    public LearnedClassifier(ClassifierWeights weights) {
        this.weights = weights;
        int count = weights.features().size();
        this.folded = new double[TIERS.length][count];
        this.offsets = new double[TIERS.length];
        for (int t = 0; t < TIERS.length; t++) {
            double offset = weights.intercepts()[t];
            for (int i = 0; i < count; i++) {
                folded[t][i] = weights.weights()[t][i] / weights.scale()[i];
                offset -= folded[t][i] * weights.mean()[i];
            }
            offsets[t] = offset;
        }
    }

    /** The classifier with the weights shipped in the application; fails with a clear message if they are missing or corrupt. */
    public static LearnedClassifier fromResource() {
        return fromResource(RESOURCE);
    }

    static LearnedClassifier fromResource(String resource) {
        String origin = "resource " + resource;
        try (InputStream in = LearnedClassifier.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new InvalidWeightsException(origin, "is missing from the class path; "
                        + "train it with src/bench/classifier/run.sh, or set switchboard.auto.classifier=keywords");
            }
            return new LearnedClassifier(ClassifierWeights.read(in, origin));
        } catch (IOException e) {
            throw new InvalidWeightsException(origin, "cannot be read (" + e.getMessage() + ")");
        }
    }

    public ClassifierWeights weights() {
        return weights;
    }

    @Override
    public Tier classify(ChatRequest request) {
        return decide(probabilities(request));
    }

    /** The tier these probabilities call for under the trained cost trade-off; a tie goes to the cheaper tier. */
    public Tier decide(TierProbabilities probabilities) {
        Tier best = TIERS[0];
        double bestValue = Double.NEGATIVE_INFINITY;
        for (Tier tier : TIERS) {
            double value = probabilities.sufficient(tier) - weights.costWeight() * weights.tierCost()[tier.ordinal()];
            if (value > bestValue) {
                best = tier;
                bestValue = value;
            }
        }
        return best;
    }

    public TierProbabilities probabilities(ChatRequest request) {
        return probabilities(ConversationFeatures.of(request));
    }

    /** The probabilities for a feature vector from {@link ConversationFeatures}. */
    public TierProbabilities probabilities(double[] features) {
        double[] logits = new double[TIERS.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int t = 0; t < TIERS.length; t++) {
            double logit = offsets[t];
            for (int i = 0; i < features.length; i++) {
                logit += folded[t][i] * features[i];
            }
            logits[t] = logit;
            max = Math.max(max, logit);
        }
        double total = 0;
        for (int t = 0; t < TIERS.length; t++) {
            logits[t] = Math.exp(logits[t] - max);
            total += logits[t];
        }
        return new TierProbabilities(logits[0] / total, logits[1] / total, logits[2] / total);
    }

    /** The chance that the request needs more than the cheap tier; see {@link TierProbabilities#beyondSimple()}. */
    public double score(ChatRequest request) {
        return probabilities(request).beyondSimple();
    }
}
