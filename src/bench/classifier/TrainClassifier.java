import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.zip.CRC32;

import dev.switchboard.chat.ChatMessage;
import dev.switchboard.chat.ChatRequest;
import dev.switchboard.chat.Role;
import dev.switchboard.complexity.ClassifierWeights;
import dev.switchboard.complexity.ConversationFeatures;
import dev.switchboard.complexity.KeywordClassifier;
import dev.switchboard.complexity.LearnedClassifier;
import dev.switchboard.complexity.TierProbabilities;
import dev.switchboard.routing.Tier;

/**
 * Trains the learned complexity classifier and evaluates it against the baselines. Run:
 * {@code src/bench/classifier/run.sh [data directory]} (it compiles the gateway first, because this
 * program computes features with the gateway's own {@code ConversationFeatures} and evaluates the
 * weights through the gateway's own {@code LearnedClassifier}, exactly as they are served).
 *
 * <p>Data: RouterBench's train splits ({@code routerbench-train.csv}: prompt, whether a cheap, a mid
 * and a strong model answered correctly, each one's real cost) and MATH ({@code math-difficulty.csv}:
 * question and difficulty level). Everything below is deterministic: the splits come from a CRC-32 of
 * each row's id, the model is fitted by Newton's method from zero, and "random routing" is evaluated
 * by its expectation rather than by drawing.
 *
 * <ol>
 * <li>Split: a fifth of the rows (CRC-32 of the sample id, or of the question for MATH, mod 100 below
 * 20) are held out and never used for any choice; the rest is the development set.
 * <li>Labels: simple when the cheap model is correct, moderate when only the mid (or mid and strong)
 * is, complex when only the strong one is. Rows no model gets right either count as simple (nothing
 * is gained by paying more) or are left out of training; cross-validation decides. MATH levels 1-2,
 * 3 and 4-5 are simple, moderate and complex, weighted to half the RouterBench rows' total weight.
 * <li>Model: multinomial logistic regression on standardised features, L2 penalty chosen by 5-fold
 * cross-validation on development data (criterion: APGR of the out-of-fold score).
 * <li>Decision: the tier maximising {@code P(tier suffices) - costWeight * relativeCost(tier)}; the
 * cost weight is the one with the lowest out-of-fold cost that keeps at least {@link #RETAIN} of
 * always-strong accuracy on development data.
 * <li>Evaluation on both splits: accuracy (the chosen tier's model was correct), cost (the chosen
 * tier's real cost), against the keyword heuristic, prompt length with thresholds matching the learned
 * router's development tier mix, random routing at the same cost, and always-cheap/mid/strong; APGR
 * and CPT(50%) as RouteLLM defines them, cheap model as weak and strong as strong.
 * <li>Equal spend: per budget, the learned router (cost weight chosen out of fold on development rows)
 * against the keyword heuristic and random routing given the same spend on the same prompts, with a
 * bootstrap interval of the difference; on development rows out of fold, held-out rows, and both.
 * </ol>
 */
public class TrainClassifier {

    /** Share of always-strong accuracy the chosen operating point must keep on development data. */
    static final double RETAIN = 0.90;
    /** Held-out rows: CRC-32 of the id mod 100 below this. */
    static final int HELD_OUT_PERCENT = 20;
    static final int FOLDS = 5;
    /** The seed's heuristic, as the gateway runs it. */
    static final KeywordClassifier KEYWORDS = new KeywordClassifier();
    static final double[] L2_GRID = { 0.1, 1, 10, 100 };
    /** MATH rows' total training weight relative to the RouterBench rows'. */
    static final double MATH_SHARE = 0.5;
    /** Strong-call percentages evaluated for APGR and CPT: every 1%. */
    static final int SWEEP_STEPS = 100;

    /** Budgets for the comparison at equal spend, as shares of always-strong's development cost. */
    static final double[] BUDGETS = { 0.10, 0.15, 0.20, 0.25, 0.30, 0.40, 0.50, 0.60 };
    static final int BOOTSTRAP_DRAWS = 10_000;
    static final long BOOTSTRAP_SEED = 20_261_125L;

    static final int CHEAP = 0, MID = 1, STRONG = 2;
    static final String[] TIER_NAMES = { "cheap", "mid", "strong" };

    public static void main(String[] args) throws IOException {
        Path data = Path.of(args.length > 0 ? args[0] : "../shared/data/routing");
        Path weightsFile = Path.of(args.length > 1 ? args[1] : "src/main/resources/" + LearnedClassifier.RESOURCE);
        Path resultsFile = Path.of(args.length > 2 ? args[2] : "src/bench/classifier/RESULTS.md");
        List<Sample> samples = Sample.readAll(data.resolve("routerbench-train.csv"));
        List<MathProblem> maths = MathProblem.readAll(data.resolve("math-difficulty.csv"));
        List<Sample> dev = samples.stream().filter(s -> !s.heldOut).toList();
        List<Sample> held = samples.stream().filter(s -> s.heldOut).toList();
        List<MathProblem> mathDev = maths.stream().filter(m -> !m.heldOut).toList();
        List<MathProblem> mathHeld = maths.stream().filter(m -> m.heldOut).toList();

        Report report = new Report();
        report.line("# Complexity classifier: training and evaluation");
        report.line("");
        report.line("Generated by `src/bench/classifier/run.sh` (TrainClassifier.java); do not edit by hand.");
        report.line("");
        report.line("## Data and split");
        report.line("");
        report.line("| set | RouterBench rows (arc-challenge / mbpp / winogrande) | MATH rows |");
        report.line("|---|---|---|");
        report.line("| development | " + dev.size() + " (" + perTask(dev) + ") | " + mathDev.size() + " |");
        report.line("| held out | " + held.size() + " (" + perTask(held) + ") | " + mathHeld.size() + " |");
        report.line("");

        // Tuning: every choice below sees development rows only.
        double[] tierCost = relativeCosts(dev);
        Tuning tuning = tune(dev, mathDev, report);
        double[][] outOfFold = outOfFold(dev, mathDev, tuning.l2, tuning.noneAsSimple, MATH_SHARE);
        double costWeight = chooseCostWeight(dev, outOfFold, tierCost, report);

        Model model = Model.fit(dev, mathDev, tuning.l2, tuning.noneAsSimple, MATH_SHARE);
        String description = String.format(Locale.ROOT,
                "Multinomial logistic regression trained by src/bench/classifier/run.sh on %d RouterBench and %d MATH "
                        + "development rows (MATH weight share %.2f); L2 %.3g and rows no model answers %s, both by "
                        + "5-fold cross-validation; cost weight for at least %.0f%% of always-strong accuracy out of fold.",
                dev.size(), mathDev.size(), MATH_SHARE, tuning.l2,
                tuning.noneAsSimple ? "labelled simple" : "left out", RETAIN * 100);
        ClassifierWeights weights = new ClassifierWeights(ConversationFeatures.NAMES, model.mean, model.scale,
                model.intercepts(), model.weights(), tierCost, costWeight, description);
        Files.createDirectories(weightsFile.toAbsolutePath().getParent());
        Files.writeString(weightsFile, weights.toJson());

        // Evaluation goes through the file just written, read the way the gateway reads it.
        LearnedClassifier learned = new LearnedClassifier(ClassifierWeights.read(
                new ByteArrayInputStream(Files.readAllBytes(weightsFile)), weightsFile.toString()));
        // A second operating point, for comparing with the seed's heuristic at the same price.
        double keywordCostWeight = costWeightForBudget(dev, outOfFold, tierCost,
                Routing.of(dev, s -> KEYWORDS.classify(s.request)).cost(), report);
        LearnedClassifier learnedCheap = withCostWeight(weights, keywordCostWeight);
        Routing learnedDev = Routing.of(dev, s -> learned.classify(s.request));
        double[] lengthThresholds = lengthThresholds(dev, learnedDev);
        report.line("## Results");
        report.line("");
        report.line("Accuracy: share of prompts the chosen tier's model answered correctly. Cost: the chosen tier's"
                + " real cost, summed. APGR and CPT(50%): the routers' scores swept from 0% to 100% strong calls"
                + " in 1% steps, cheap model as weak and strong model as strong (ties split evenly).");
        report.line("");
        evaluate("Development set (the learned weights were fitted on it)", dev, learned, learnedCheap,
                lengthThresholds, report);
        evaluate("Held-out set (never used for a choice)", held, learned, learnedCheap, lengthThresholds, report);
        report.line("## At equal spend");
        report.line("");
        report.line("The learned router's cost weight is chosen per budget on development rows (out of fold); the"
                + " keyword heuristic and random routing are then given exactly the spend the learned router used on"
                + " the same prompts. The keyword heuristic spends it by upgrading its highest tiers to strong first,"
                + " prompts within a tier in random order (by expectation); random routing mixes mid and strong."
                + " Interval: 95% bootstrap (" + BOOTSTRAP_DRAWS + " draws, fixed seed) of the accuracy difference.");
        report.line("");
        double devStrongCost = Routing.constant(dev, STRONG).cost();
        double[] budgetWeights = Arrays.stream(BUDGETS)
                .map(b -> costWeightForBudget(dev, outOfFold, tierCost, b * devStrongCost)).toArray();
        Function<Double, int[]> devTiers = cw -> {
            int[] tiers = new int[dev.size()];
            for (int i = 0; i < dev.size(); i++) {
                tiers[i] = decide(outOfFold[i], tierCost, cw);
            }
            return tiers;
        };
        Function<Double, int[]> heldTiers = cw -> {
            LearnedClassifier atBudget = withCostWeight(weights, cw);
            return held.stream().mapToInt(s -> atBudget.classify(s.request).ordinal()).toArray();
        };
        budgetCurve("Development set, out of fold", dev, devTiers, budgetWeights, report);
        budgetCurve("Held-out set", held, heldTiers, budgetWeights, report);
        List<Sample> pooled = new ArrayList<>(dev);
        pooled.addAll(held);
        budgetCurve("Both sets, every prompt routed by a model that never saw it (development out of fold, then"
                + " held out)", pooled, cw -> IntStream.concat(Arrays.stream(devTiers.apply(cw)),
                        Arrays.stream(heldTiers.apply(cw))).toArray(), budgetWeights, report);
        mathsLevels(mathHeld, learned, report);
        report.line("## Model");
        report.line("");
        report.line(description);
        report.line("");
        report.line("Relative tier costs (mean development cost / strong's): "
                + String.format(Locale.ROOT, "%.4f / %.4f / %.4f", tierCost[0], tierCost[1], tierCost[2])
                + String.format(Locale.ROOT, "; cost weight %.3f.", costWeight));
        report.line("");
        weightsTable(weights, report);
        Files.writeString(resultsFile, report.text());
        System.out.println(report.text());
        System.out.println("Wrote " + weightsFile + " and " + resultsFile);
    }

    // ---------------------------------------------------------------- tuning

    record Tuning(double l2, boolean noneAsSimple) {
    }

    static Tuning tune(List<Sample> dev, List<MathProblem> mathDev, Report report) {
        report.line("## Tuning (5-fold cross-validation on development rows)");
        report.line("");
        report.line("| L2 | rows no model answers | out-of-fold APGR |");
        report.line("|---|---|---|");
        Tuning best = null;
        double bestApgr = Double.NEGATIVE_INFINITY;
        for (boolean noneAsSimple : new boolean[] { false, true }) {
            for (double l2 : L2_GRID) {
                double[][] probabilities = outOfFold(dev, mathDev, l2, noneAsSimple, MATH_SHARE);
                double apgr = Sweep.of(dev, beyondSimple(probabilities)).apgr();
                report.line(String.format(Locale.ROOT, "| %.3g | %s | %.4f |", l2,
                        noneAsSimple ? "simple" : "left out", apgr));
                // Ties (to four decimals) go to the stronger penalty: the simpler model.
                if (Math.round(apgr * 1e4) >= Math.round(bestApgr * 1e4)) {
                    if (Math.round(apgr * 1e4) > Math.round(bestApgr * 1e4) || best == null || l2 > best.l2) {
                        best = new Tuning(l2, noneAsSimple);
                        bestApgr = apgr;
                    }
                }
            }
        }
        double withoutMaths = Sweep.of(dev, beyondSimple(outOfFold(dev, mathDev, best.l2, best.noneAsSimple, 0)))
                .apgr();
        report.line("");
        report.line(String.format(Locale.ROOT, "Chosen: L2 %.3g, rows no model answers %s (APGR %.4f). Without the"
                + " MATH rows in training the same setting scores %.4f.", best.l2, best.noneAsSimple ? "labelled simple" : "left out",
                bestApgr, withoutMaths));
        report.line("");
        return best;
    }

    /** Out-of-fold tier probabilities for each development sample (MATH rows train every fold). */
    static double[][] outOfFold(List<Sample> dev, List<MathProblem> mathDev, double l2, boolean noneAsSimple,
            double mathShare) {
        double[][] result = new double[dev.size()][];
        for (int fold = 0; fold < FOLDS; fold++) {
            int f = fold;
            List<Sample> train = dev.stream().filter(s -> s.fold != f).toList();
            Model model = Model.fit(train, mathDev, l2, noneAsSimple, mathShare);
            for (int i = 0; i < dev.size(); i++) {
                if (dev.get(i).fold == f) {
                    result[i] = model.probabilities(dev.get(i).features);
                }
            }
        }
        return result;
    }

    static double[] beyondSimple(double[][] probabilities) {
        return Arrays.stream(probabilities).mapToDouble(p -> p[1] + p[2]).toArray();
    }

    static double chooseCostWeight(List<Sample> dev, double[][] outOfFold, double[] tierCost, Report report) {
        double target = RETAIN * Routing.constant(dev, STRONG).accuracy();
        double best = 0;
        double bestCost = Double.POSITIVE_INFINITY;
        for (int step = 0; step <= 2000; step++) {
            double costWeight = step / 1000.0;
            int[] tiers = new int[dev.size()];
            for (int i = 0; i < dev.size(); i++) {
                tiers[i] = decide(outOfFold[i], tierCost, costWeight);
            }
            Routing routing = new Routing(dev, tiers);
            if (routing.accuracy() >= target && routing.cost() < bestCost) {
                best = costWeight;
                bestCost = routing.cost();
            }
        }
        report.line(String.format(Locale.ROOT, "Cost weight %.3f: the cheapest out-of-fold routing that keeps %.0f%%"
                + " of always-strong accuracy (%.4f) on development rows.", best, RETAIN * 100, target));
        report.line("");
        return best;
    }

    /**
     * The cost weight whose out-of-fold routing is the most accurate one that costs no more than
     * {@code budget} on development rows (for the comparison with the keyword heuristic).
     */
    static double costWeightForBudget(List<Sample> dev, double[][] outOfFold, double[] tierCost, double budget,
            Report report) {
        double best = costWeightForBudget(dev, outOfFold, tierCost, budget);
        report.line(String.format(Locale.ROOT, "Cost weight %.3f: the most accurate out-of-fold routing that costs no"
                + " more than the keyword heuristic (%.3f USD) on development rows; used only for the comparison row.",
                best, budget));
        report.line("");
        return best;
    }

    /** The cost weight whose out-of-fold routing is the most accurate one that costs no more than {@code budget}. */
    static double costWeightForBudget(List<Sample> dev, double[][] outOfFold, double[] tierCost, double budget) {
        double best = 0;
        double bestAccuracy = Double.NEGATIVE_INFINITY;
        for (int step = 0; step <= 20000; step++) {
            double costWeight = step / 1000.0;
            int[] tiers = new int[dev.size()];
            for (int i = 0; i < dev.size(); i++) {
                tiers[i] = decide(outOfFold[i], tierCost, costWeight);
            }
            Routing routing = new Routing(dev, tiers);
            if (routing.cost() <= budget && routing.accuracy() > bestAccuracy) {
                best = costWeight;
                bestAccuracy = routing.accuracy();
            }
        }
        return best;
    }

    /** The same rule as LearnedClassifier.decide, on raw probabilities, for the cost-weight search. */
    /** The shipped model with another cost weight: another operating point on the same probabilities. */
    static LearnedClassifier withCostWeight(ClassifierWeights weights, double costWeight) {
        return new LearnedClassifier(new ClassifierWeights(weights.features(), weights.mean(), weights.scale(),
                weights.intercepts(), weights.weights(), weights.tierCost(), costWeight, weights.description()));
    }

    static int decide(double[] p, double[] tierCost, double costWeight) {
        double sufficient = 0;
        int best = 0;
        double bestValue = Double.NEGATIVE_INFINITY;
        for (int t = 0; t < 3; t++) {
            sufficient += p[t];
            double value = sufficient - costWeight * tierCost[t];
            if (value > bestValue) {
                best = t;
                bestValue = value;
            }
        }
        return best;
    }

    static double[] relativeCosts(List<Sample> dev) {
        double[] total = new double[3];
        for (Sample s : dev) {
            for (int t = 0; t < 3; t++) {
                total[t] += s.cost[t];
            }
        }
        return new double[] { total[0] / total[2], total[1] / total[2], 1 };
    }

    // ---------------------------------------------------------------- evaluation

    /** Length thresholds that give prompt length the learned router's development tier mix. */
    static double[] lengthThresholds(List<Sample> dev, Routing learned) {
        double[] lengths = dev.stream().mapToDouble(Sample::length).sorted().toArray();
        int simple = learned.count(CHEAP);
        int moderate = learned.count(MID);
        double first = simple == 0 ? Double.NEGATIVE_INFINITY : lengths[simple - 1];
        double second = simple + moderate == 0 ? Double.NEGATIVE_INFINITY : lengths[simple + moderate - 1];
        return new double[] { first, second };
    }

    static void evaluate(String title, List<Sample> set, LearnedClassifier learned, LearnedClassifier learnedCheap,
            double[] lengthThresholds, Report report) {
        Routing learnedRouting = Routing.of(set, s -> learned.classify(s.request));
        Routing keywords = Routing.of(set, s -> KEYWORDS.classify(s.request));
        Routing length = Routing.of(set, s -> s.length() <= lengthThresholds[0] ? Tier.SIMPLE
                : s.length() <= lengthThresholds[1] ? Tier.MODERATE : Tier.COMPLEX);
        Routing strong = Routing.constant(set, STRONG);
        double[] randomMix = randomMixAtCost(set, learnedRouting);

        double[] learnedScores = set.stream().mapToDouble(s -> learned.score(s.request)).toArray();
        double[] keywordScores = keywords.tierScores();
        double[] lengthScores = set.stream().mapToDouble(Sample::length).toArray();
        double[] randomScores = new double[set.size()];

        report.line("### " + title + ", " + set.size() + " prompts");
        report.line("");
        report.line("| router | tiers cheap / mid / strong | accuracy | retained vs always-strong | cost (USD) |"
                + " cost vs always-strong | APGR | CPT(50%) |");
        report.line("|---|---|---|---|---|---|---|---|");
        row(report, "learned classifier", learnedRouting.mix(), learnedRouting.accuracy(), learnedRouting.cost(),
                strong, Sweep.of(set, learnedScores));
        Routing cheap = Routing.of(set, s -> learnedCheap.classify(s.request));
        row(report, "learned, at the keyword heuristic's cost", cheap.mix(), cheap.accuracy(), cheap.cost(), strong,
                null);
        row(report, "keyword heuristic (seed)", keywords.mix(), keywords.accuracy(), keywords.cost(), strong,
                Sweep.of(set, keywordScores));
        row(report, "prompt length, learned mix", length.mix(), length.accuracy(), length.cost(), strong,
                Sweep.of(set, lengthScores));
        row(report, "random at the learned cost", randomMix, expected(set, randomMix, true),
                expected(set, randomMix, false), strong, Sweep.of(set, randomScores));
        for (int t = 0; t < 3; t++) {
            Routing always = Routing.constant(set, t);
            row(report, "always " + TIER_NAMES[t], always.mix(), always.accuracy(), always.cost(), strong, null);
        }
        report.line("");
        report.line("Where the learned classifier sends each task:");
        report.line("");
        report.line("| task | prompts | tiers cheap / mid / strong | accuracy | always cheap / mid / strong |");
        report.line("|---|---|---|---|---|");
        for (String task : new String[] { "arc-challenge", "mbpp", "winogrande" }) {
            List<Sample> rows = set.stream().filter(s -> s.task.equals(task)).toList();
            Routing routing = Routing.of(rows, s -> learned.classify(s.request));
            double[] mix = routing.mix();
            report.line(String.format(Locale.ROOT, "| %s | %d | %.0f%% / %.0f%% / %.0f%% | %.1f%% | %.1f%% / %.1f%% / %.1f%% |",
                    task, rows.size(), mix[0] * 100, mix[1] * 100, mix[2] * 100, routing.accuracy() * 100,
                    Routing.constant(rows, CHEAP).accuracy() * 100, Routing.constant(rows, MID).accuracy() * 100,
                    Routing.constant(rows, STRONG).accuracy() * 100));
        }
        report.line("");
    }

    /**
     * The comparison at equal spend: for each budget (a share of always-strong's development cost), the
     * learned router with the cost weight chosen for that budget on development rows (out of fold), against
     * the keyword heuristic and random routing given exactly the learned router's spend on the same prompts.
     * The keyword heuristic spends extra budget the only way its ranking allows: its highest tiers are
     * upgraded to strong first, prompts within a tier at random (by expectation). Random routing mixes mid
     * and strong. The interval is a 95% bootstrap interval of the learned-minus-keyword accuracy difference.
     */
    static void budgetCurve(String title, List<Sample> set, Function<Double, int[]> learnedTiers,
            double[] costWeights, Report report) {
        report.line("### " + title + ", " + set.size() + " prompts");
        report.line("");
        report.line("| budget (share of always-strong's development cost) | spend vs always-strong | learned accuracy |"
                + " keyword heuristic at the same spend | random at the same spend | learned minus keyword (95% interval) |");
        report.line("|---|---|---|---|---|---|");
        Routing strong = Routing.constant(set, STRONG);
        Routing keywords = Routing.of(set, s -> KEYWORDS.classify(s.request));
        for (int b = 0; b < BUDGETS.length; b++) {
            Routing learned = new Routing(set, learnedTiers.apply(costWeights[b]));
            double[] mine = learned.correctness();
            double[] theirs = upgradedToSpend(keywords, learned.cost());
            double random = randomAtSpend(set, learned.cost());
            double[] interval = bootstrapDifference(mine, theirs);
            report.line(String.format(Locale.ROOT, "| %.0f%% | %.1f%% | %.1f%% | %s | %.1f%% | %+.1f points (%+.1f to %+.1f) |",
                    BUDGETS[b] * 100, learned.cost() / strong.cost() * 100, learned.accuracy() * 100,
                    theirs == null ? "cannot spend this little" : String.format(Locale.ROOT, "%.1f%%", mean(theirs) * 100),
                    random * 100, interval[0] * 100, interval[1] * 100, interval[2] * 100));
        }
        report.line("");
    }

    /**
     * Per prompt, the expected correctness of a tier routing given {@code spend}: prompts are upgraded to
     * strong in order of their tier (highest first), a tier's prompts in random order (by expectation),
     * until the spend is used. Null when the routing already costs more.
     */
    static double[] upgradedToSpend(Routing routing, double spend) {
        List<Sample> set = routing.set();
        double[] correctness = routing.correctness();
        double left = spend - routing.cost();
        if (left < -1e-12) {
            return null;
        }
        for (int tier = MID; tier >= CHEAP && left > 0; tier--) {
            double extra = 0;
            for (int i = 0; i < set.size(); i++) {
                if (routing.tiers()[i] == tier) {
                    extra += set.get(i).cost[STRONG] - set.get(i).cost[tier];
                }
            }
            double share = extra <= left ? 1 : left / extra;
            for (int i = 0; i < set.size(); i++) {
                if (routing.tiers()[i] == tier) {
                    Sample s = set.get(i);
                    correctness[i] = share * (s.correct[STRONG] ? 1 : 0) + (1 - share) * correctness[i];
                }
            }
            left -= Math.min(extra, left);
        }
        return correctness;
    }

    /** Expected accuracy of routing each prompt to mid or strong at random, the strong share set to cost {@code spend}. */
    static double randomAtSpend(List<Sample> set, double spend) {
        double mid = Routing.constant(set, MID).cost();
        double strong = Routing.constant(set, STRONG).cost();
        double share = Math.max(0, Math.min(1, (spend - mid) / (strong - mid)));
        return share * Routing.constant(set, STRONG).accuracy() + (1 - share) * Routing.constant(set, MID).accuracy();
    }

    /** The mean difference of two per-prompt correctness vectors and its 95% bootstrap interval (fixed seed). */
    static double[] bootstrapDifference(double[] a, double[] b) {
        if (b == null) {
            return new double[] { Double.NaN, Double.NaN, Double.NaN };
        }
        int n = a.length;
        double[] draws = new double[BOOTSTRAP_DRAWS];
        Random random = new Random(BOOTSTRAP_SEED);
        for (int d = 0; d < BOOTSTRAP_DRAWS; d++) {
            double total = 0;
            for (int k = 0; k < n; k++) {
                int i = random.nextInt(n);
                total += a[i] - b[i];
            }
            draws[d] = total / n;
        }
        Arrays.sort(draws);
        return new double[] { mean(a) - mean(b), draws[(int) (0.025 * BOOTSTRAP_DRAWS)],
                draws[(int) (0.975 * BOOTSTRAP_DRAWS) - 1] };
    }

    static double mean(double[] values) {
        return Arrays.stream(values).average().orElse(Double.NaN);
    }

    static void row(Report report, String name, double[] mix, double accuracy, double cost, Routing strong,
            Sweep sweep) {
        report.line(String.format(Locale.ROOT, "| %s | %.0f%% / %.0f%% / %.0f%% | %.1f%% | %.1f%% | %.3f | %.1f%% | %s | %s |",
                name, mix[0] * 100, mix[1] * 100, mix[2] * 100, accuracy * 100, accuracy / strong.accuracy() * 100,
                cost, cost / strong.cost() * 100,
                sweep == null ? "-" : String.format(Locale.ROOT, "%.3f", sweep.apgr()),
                sweep == null ? "-" : sweep.cpt(0.5).isNaN() ? "never"
                        : String.format(Locale.ROOT, "%.1f%%", sweep.cpt(0.5) * 100)));
    }

    /**
     * Random routing whose expected cost equals the learned router's: tiers drawn independently per
     * prompt, cheap and mid in the learned router's proportion to each other, the strong share solved
     * for the cost.
     */
    static double[] randomMixAtCost(List<Sample> set, Routing learned) {
        double[] mix = learned.mix();
        double cheapOfLower = mix[0] + mix[1] == 0 ? 1 : mix[0] / (mix[0] + mix[1]);
        double lower = cheapOfLower * Routing.constant(set, CHEAP).cost()
                + (1 - cheapOfLower) * Routing.constant(set, MID).cost();
        double upper = Routing.constant(set, STRONG).cost();
        double strongShare = Math.max(0, Math.min(1, (learned.cost() - lower) / (upper - lower)));
        return new double[] { (1 - strongShare) * cheapOfLower, (1 - strongShare) * (1 - cheapOfLower), strongShare };
    }

    static double expected(List<Sample> set, double[] mix, boolean accuracy) {
        double total = 0;
        for (int t = 0; t < 3; t++) {
            Routing always = Routing.constant(set, t);
            total += mix[t] * (accuracy ? always.accuracy() : always.cost());
        }
        return total;
    }

    static void mathsLevels(List<MathProblem> held, LearnedClassifier learned, Report report) {
        report.line("### MATH held-out questions, by difficulty level (no costs or correctness: a difficulty check)");
        report.line("");
        report.line("| level | questions | learned: mean P(needs more than cheap) | learned tiers cheap / mid / strong |"
                + " keyword tiers cheap / mid / strong |");
        report.line("|---|---|---|---|---|");
        for (int level = 1; level <= 5; level++) {
            int l = level;
            List<MathProblem> rows = held.stream().filter(m -> m.level == l).toList();
            double score = rows.stream().mapToDouble(m -> learned.probabilities(m.features).beyondSimple()).average()
                    .orElse(Double.NaN);
            double[] learnedMix = new double[3];
            double[] keywordMix = new double[3];
            for (MathProblem m : rows) {
                learnedMix[learned.decide(learned.probabilities(m.features)).ordinal()] += 1.0 / rows.size();
                keywordMix[KeywordClassifier.classify(m.question).ordinal()] += 1.0 / rows.size();
            }
            report.line(String.format(Locale.ROOT, "| %d | %d | %.3f | %.0f%% / %.0f%% / %.0f%% | %.0f%% / %.0f%% / %.0f%% |",
                    level, rows.size(), score, learnedMix[0] * 100, learnedMix[1] * 100, learnedMix[2] * 100,
                    keywordMix[0] * 100, keywordMix[1] * 100, keywordMix[2] * 100));
        }
        double[] scores = held.stream().mapToDouble(m -> learned.probabilities(m.features).beyondSimple()).toArray();
        boolean[] hard = new boolean[held.size()];
        boolean[] keep = new boolean[held.size()];
        for (int i = 0; i < held.size(); i++) {
            keep[i] = held.get(i).level != 3;
            hard[i] = held.get(i).level >= 4;
        }
        report.line("");
        report.line(String.format(Locale.ROOT, "AUC of the learned score, levels 4-5 against levels 1-2: %.3f"
                + " (0.5 is chance).", auc(scores, hard, keep)));
        report.line("");
    }

    static double auc(double[] scores, boolean[] positive, boolean[] keep) {
        double pairs = 0;
        double wins = 0;
        for (int i = 0; i < scores.length; i++) {
            if (!keep[i] || !positive[i]) {
                continue;
            }
            for (int j = 0; j < scores.length; j++) {
                if (keep[j] && !positive[j]) {
                    pairs++;
                    wins += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0;
                }
            }
        }
        return wins / pairs;
    }

    static void weightsTable(ClassifierWeights weights, Report report) {
        report.line("Weights per standardised feature (simple is the reference class, fixed at 0):");
        report.line("");
        report.line("| feature | development mean | moderate | complex |");
        report.line("|---|---|---|---|");
        for (int i = 0; i < weights.features().size(); i++) {
            report.line(String.format(Locale.ROOT, "| %s | %.3f | %+.3f | %+.3f |", weights.features().get(i),
                    weights.mean()[i], weights.weights()[1][i], weights.weights()[2][i]));
        }
        report.line(String.format(Locale.ROOT, "| (intercept) | | %+.3f | %+.3f |", weights.intercepts()[1],
                weights.intercepts()[2]));
        report.line("");
    }

    static String perTask(List<Sample> set) {
        return Arrays.stream(new String[] { "arc-challenge", "mbpp", "winogrande" })
                .map(task -> String.valueOf(set.stream().filter(s -> s.task.equals(task)).count()))
                .reduce((a, b) -> a + " / " + b).orElse("");
    }

    static int bucket(String key, int modulo) {
        CRC32 crc = new CRC32();
        crc.update(key.getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() % modulo);
    }

    // ---------------------------------------------------------------- data

    /** A RouterBench row: the prompt as a request, per tier whether it was answered correctly and at what cost. */
    static final class Sample {
        final String id;
        final String task;
        final ChatRequest request;
        final boolean[] correct;
        final double[] cost;
        final double[] features;
        final boolean heldOut;
        final int fold;

        Sample(List<String> row) {
            id = row.get(0);
            task = row.get(1);
            List<ChatMessage> messages = new ArrayList<>();
            for (String text : PythonStrings.parse(row.get(2))) {
                messages.add(ChatMessage.of(Role.USER, text));
            }
            request = ChatRequest.of(messages);
            correct = new boolean[] { row.get(3).equals("1"), row.get(4).equals("1"), row.get(5).equals("1") };
            cost = new double[] { Double.parseDouble(row.get(6)), Double.parseDouble(row.get(7)),
                    Double.parseDouble(row.get(8)) };
            features = ConversationFeatures.of(request);
            heldOut = bucket(id, 100) < HELD_OUT_PERCENT;
            fold = bucket("fold:" + id, FOLDS);
        }

        /** The cheapest tier whose model is correct; -1 when none is. */
        int label() {
            for (int t = 0; t < 3; t++) {
                if (correct[t]) {
                    return t;
                }
            }
            return -1;
        }

        double length() {
            return request.messages().stream().mapToInt(m -> m.text().length()).sum();
        }

        static List<Sample> readAll(Path file) throws IOException {
            List<List<String>> rows = Csv.read(file);
            expectHeader(file, rows.get(0), List.of("sample_id", "task", "prompt", "cheap_correct", "mid_correct",
                    "strong_correct", "cheap_cost_usd", "mid_cost_usd", "strong_cost_usd"));
            return rows.subList(1, rows.size()).stream().map(Sample::new).toList();
        }
    }

    /** A MATH question with its difficulty level. */
    static final class MathProblem {
        final String question;
        final int level;
        final double[] features;
        final boolean heldOut;

        MathProblem(List<String> row) {
            question = row.get(0);
            level = Integer.parseInt(row.get(1));
            features = ConversationFeatures.of(ChatRequest.of(List.of(ChatMessage.of(Role.USER, question))));
            heldOut = bucket(question, 100) < HELD_OUT_PERCENT;
        }

        /** Levels 1-2 simple, 3 moderate, 4-5 complex. */
        int label() {
            return level <= 2 ? 0 : level == 3 ? 1 : 2;
        }

        static List<MathProblem> readAll(Path file) throws IOException {
            List<List<String>> rows = Csv.read(file);
            expectHeader(file, rows.get(0), List.of("question", "level", "subject"));
            return rows.subList(1, rows.size()).stream().map(MathProblem::new).toList();
        }
    }

    static void expectHeader(Path file, List<String> header, List<String> expected) {
        if (!header.equals(expected)) {
            throw new IllegalArgumentException(file + ": expected columns " + expected + ", found " + header);
        }
    }

    /** Which tier each prompt of a set was sent to. */
    record Routing(List<Sample> set, int[] tiers) {

        static Routing of(List<Sample> set, Function<Sample, Tier> router) {
            return new Routing(set, set.stream().mapToInt(s -> router.apply(s).ordinal()).toArray());
        }

        static Routing constant(List<Sample> set, int tier) {
            int[] tiers = new int[set.size()];
            Arrays.fill(tiers, tier);
            return new Routing(set, tiers);
        }

        double accuracy() {
            int correct = 0;
            for (int i = 0; i < tiers.length; i++) {
                correct += set.get(i).correct[tiers[i]] ? 1 : 0;
            }
            return (double) correct / tiers.length;
        }

        double cost() {
            double cost = 0;
            for (int i = 0; i < tiers.length; i++) {
                cost += set.get(i).cost[tiers[i]];
            }
            return cost;
        }

        int count(int tier) {
            return (int) Arrays.stream(tiers).filter(t -> t == tier).count();
        }

        double[] mix() {
            return new double[] { (double) count(CHEAP) / tiers.length, (double) count(MID) / tiers.length,
                    (double) count(STRONG) / tiers.length };
        }

        /** Per prompt, 1 when the chosen tier's model was correct, else 0. */
        double[] correctness() {
            double[] result = new double[tiers.length];
            for (int i = 0; i < tiers.length; i++) {
                result[i] = set.get(i).correct[tiers[i]] ? 1 : 0;
            }
            return result;
        }

        double[] tierScores() {
            return Arrays.stream(tiers).asDoubleStream().toArray();
        }
    }

    /**
     * RouteLLM's curve: for each share of strong calls (0%, 1%, ... 100%), the prompts with the highest
     * scores go to the strong model and the rest to the cheap one. Prompts with equal scores at the
     * boundary are split evenly, which is the expectation of breaking the tie at random.
     */
    record Sweep(double[] strongShare, double[] pgr) {

        static Sweep of(List<Sample> set, double[] scores) {
            int n = set.size();
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -scores[i]));
            double weak = Routing.constant(set, CHEAP).accuracy();
            double strong = Routing.constant(set, STRONG).accuracy();
            double[] share = new double[SWEEP_STEPS + 1];
            double[] pgr = new double[SWEEP_STEPS + 1];
            for (int step = 0; step <= SWEEP_STEPS; step++) {
                double calls = (double) step / SWEEP_STEPS * n;
                double correct = 0;
                int start = 0;
                while (start < n) {
                    int end = start;
                    while (end < n && scores[order[end]] == scores[order[start]]) {
                        end++;
                    }
                    double sent = Math.max(0, Math.min(end, calls) - start) / (end - start);
                    for (int k = start; k < end; k++) {
                        Sample s = set.get(order[k]);
                        correct += sent * (s.correct[STRONG] ? 1 : 0) + (1 - sent) * (s.correct[CHEAP] ? 1 : 0);
                    }
                    start = end;
                }
                share[step] = (double) step / SWEEP_STEPS;
                pgr[step] = (correct / n - weak) / (strong - weak);
            }
            return new Sweep(share, pgr);
        }

        /** Average performance gap recovered: the area under PGR over the share of strong calls (trapezoids). */
        double apgr() {
            double area = 0;
            for (int i = 1; i < pgr.length; i++) {
                area += (strongShare[i] - strongShare[i - 1]) * (pgr[i] + pgr[i - 1]) / 2;
            }
            return area;
        }

        /** Call-performance threshold: the smallest share of strong calls whose PGR reaches {@code target}. */
        Double cpt(double target) {
            if (pgr[0] >= target) {
                return 0.0;
            }
            for (int i = 1; i < pgr.length; i++) {
                if (pgr[i] >= target) {
                    double fraction = (target - pgr[i - 1]) / (pgr[i] - pgr[i - 1]);
                    return strongShare[i - 1] + fraction * (strongShare[i] - strongShare[i - 1]);
                }
            }
            return Double.NaN;
        }
    }

    // ---------------------------------------------------------------- model

    /**
     * Multinomial logistic regression with simple as the reference class (its logit is 0), so the
     * parameters are identifiable and Newton's method converges to the one optimum from zero.
     */
    static final class Model {
        final double[] mean;
        final double[] scale;
        /** Per free class (moderate, complex): intercept then one weight per feature. */
        final double[][] beta;

        private Model(double[] mean, double[] scale, double[][] beta) {
            this.mean = mean;
            this.scale = scale;
            this.beta = beta;
        }

        static Model fit(List<Sample> samples, List<MathProblem> maths, double l2, boolean noneAsSimple,
                double mathShare) {
            List<double[]> x = new ArrayList<>();
            List<Integer> y = new ArrayList<>();
            List<Double> w = new ArrayList<>();
            for (Sample s : samples) {
                int label = s.label();
                if (label < 0 && !noneAsSimple) {
                    continue;
                }
                x.add(s.features);
                y.add(Math.max(0, label));
                w.add(1.0);
            }
            double routerBenchWeight = x.size();
            if (mathShare > 0 && !maths.isEmpty()) {
                double each = mathShare * routerBenchWeight / maths.size();
                for (MathProblem m : maths) {
                    x.add(m.features);
                    y.add(m.label());
                    w.add(each);
                }
            }
            int d = ConversationFeatures.COUNT;
            double[] mean = new double[d];
            double[] scale = new double[d];
            double total = w.stream().mapToDouble(Double::doubleValue).sum();
            for (int i = 0; i < x.size(); i++) {
                for (int j = 0; j < d; j++) {
                    mean[j] += w.get(i) * x.get(i)[j] / total;
                }
            }
            for (int i = 0; i < x.size(); i++) {
                for (int j = 0; j < d; j++) {
                    double dev = x.get(i)[j] - mean[j];
                    scale[j] += w.get(i) * dev * dev / total;
                }
            }
            for (int j = 0; j < d; j++) {
                // A feature that never varies in training (none does today) gets scale 1 and, by the penalty, weight 0.
                scale[j] = scale[j] > 1e-12 ? Math.sqrt(scale[j]) : 1;
            }
            double[][] z = new double[x.size()][d + 1];
            for (int i = 0; i < x.size(); i++) {
                z[i][0] = 1;
                for (int j = 0; j < d; j++) {
                    z[i][j + 1] = (x.get(i)[j] - mean[j]) / scale[j];
                }
            }
            double[][] beta = newton(z, y.stream().mapToInt(Integer::intValue).toArray(),
                    w.stream().mapToDouble(Double::doubleValue).toArray(), l2);
            return new Model(mean, scale, beta);
        }

        static double[][] newton(double[][] z, int[] y, double[] w, double l2) {
            int p = z[0].length;
            int k = 2;
            int size = k * p;
            double[] theta = new double[size];
            double loss = loss(z, y, w, l2, theta);
            for (int iteration = 0; iteration < 100; iteration++) {
                double[] gradient = new double[size];
                double[][] hessian = new double[size][size];
                for (int i = 0; i < z.length; i++) {
                    double[] prob = softmax(z[i], theta);
                    for (int a = 0; a < k; a++) {
                        double residual = prob[a + 1] - (y[i] == a + 1 ? 1 : 0);
                        for (int j = 0; j < p; j++) {
                            gradient[a * p + j] += w[i] * residual * z[i][j];
                        }
                        for (int b = 0; b < k; b++) {
                            double curvature = w[i] * prob[a + 1] * ((a == b ? 1 : 0) - prob[b + 1]);
                            for (int j = 0; j < p; j++) {
                                double left = curvature * z[i][j];
                                for (int m = 0; m < p; m++) {
                                    hessian[a * p + j][b * p + m] += left * z[i][m];
                                }
                            }
                        }
                    }
                }
                for (int a = 0; a < k; a++) {
                    for (int j = 0; j < p; j++) {
                        double penalty = j == 0 ? 1e-9 : l2;
                        gradient[a * p + j] += penalty * theta[a * p + j];
                        hessian[a * p + j][a * p + j] += penalty;
                    }
                }
                double[] step = solve(hessian, gradient);
                double scaleStep = 1;
                double[] next = new double[size];
                double nextLoss;
                do {
                    for (int i = 0; i < size; i++) {
                        next[i] = theta[i] - scaleStep * step[i];
                    }
                    nextLoss = loss(z, y, w, l2, next);
                    scaleStep /= 2;
                } while (nextLoss > loss + 1e-12 && scaleStep > 1e-6);
                double change = 0;
                for (int i = 0; i < size; i++) {
                    change = Math.max(change, Math.abs(next[i] - theta[i]));
                }
                theta = next;
                loss = nextLoss;
                if (change < 1e-9) {
                    break;
                }
            }
            double[][] beta = new double[k][p];
            for (int a = 0; a < k; a++) {
                System.arraycopy(theta, a * p, beta[a], 0, p);
            }
            return beta;
        }

        static double loss(double[][] z, int[] y, double[] w, double l2, double[] theta) {
            int p = z[0].length;
            double loss = 0;
            for (int i = 0; i < z.length; i++) {
                loss -= w[i] * Math.log(Math.max(1e-300, softmax(z[i], theta)[y[i]]));
            }
            for (int a = 0; a < 2; a++) {
                for (int j = 1; j < p; j++) {
                    loss += l2 / 2 * theta[a * p + j] * theta[a * p + j];
                }
            }
            return loss;
        }

        static double[] softmax(double[] z, double[] theta) {
            int p = z.length;
            double[] logits = { 0, 0, 0 };
            for (int a = 0; a < 2; a++) {
                for (int j = 0; j < p; j++) {
                    logits[a + 1] += theta[a * p + j] * z[j];
                }
            }
            double max = Math.max(0, Math.max(logits[1], logits[2]));
            double total = 0;
            for (int c = 0; c < 3; c++) {
                logits[c] = Math.exp(logits[c] - max);
                total += logits[c];
            }
            for (int c = 0; c < 3; c++) {
                logits[c] /= total;
            }
            return logits;
        }

        /** Gaussian elimination with partial pivoting; the penalised Hessian is positive definite. */
        static double[] solve(double[][] a, double[] b) {
            int n = b.length;
            double[][] m = new double[n][];
            double[] v = b.clone();
            for (int i = 0; i < n; i++) {
                m[i] = a[i].clone();
            }
            for (int col = 0; col < n; col++) {
                int pivot = col;
                for (int row = col + 1; row < n; row++) {
                    if (Math.abs(m[row][col]) > Math.abs(m[pivot][col])) {
                        pivot = row;
                    }
                }
                double[] swap = m[col];
                m[col] = m[pivot];
                m[pivot] = swap;
                double t = v[col];
                v[col] = v[pivot];
                v[pivot] = t;
                for (int row = col + 1; row < n; row++) {
                    double factor = m[row][col] / m[col][col];
                    for (int c = col; c < n; c++) {
                        m[row][c] -= factor * m[col][c];
                    }
                    v[row] -= factor * v[col];
                }
            }
            double[] x = new double[n];
            for (int row = n - 1; row >= 0; row--) {
                double sum = v[row];
                for (int c = row + 1; c < n; c++) {
                    sum -= m[row][c] * x[c];
                }
                x[row] = sum / m[row][row];
            }
            return x;
        }

        double[] probabilities(double[] features) {
            double[] z = new double[features.length + 1];
            z[0] = 1;
            for (int j = 0; j < features.length; j++) {
                z[j + 1] = (features[j] - mean[j]) / scale[j];
            }
            int p = z.length;
            double[] theta = new double[2 * p];
            System.arraycopy(beta[0], 0, theta, 0, p);
            System.arraycopy(beta[1], 0, theta, p, p);
            return softmax(z, theta);
        }

        /** Per tier (simple first, fixed at 0), the intercepts as the weights file stores them. */
        double[] intercepts() {
            return new double[] { 0, beta[0][0], beta[1][0] };
        }

        /** Per tier, the weights of the standardised features as the weights file stores them. */
        double[][] weights() {
            double[][] weights = new double[3][ConversationFeatures.COUNT];
            for (int a = 0; a < 2; a++) {
                System.arraycopy(beta[a], 1, weights[a + 1], 0, ConversationFeatures.COUNT);
            }
            return weights;
        }
    }

    // ---------------------------------------------------------------- parsing

    /** RFC 4180 CSV: quoted fields may hold commas, newlines and doubled quotes. */
    static final class Csv {
        static List<List<String>> read(Path file) throws IOException {
            String text = Files.readString(file);
            List<List<String>> rows = new ArrayList<>();
            List<String> row = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        field.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    row.add(field.toString());
                    field.setLength(0);
                } else if (c == '\n' || c == '\r') {
                    if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                    row.add(field.toString());
                    field.setLength(0);
                    rows.add(row);
                    row = new ArrayList<>();
                } else {
                    field.append(c);
                }
            }
            if (field.length() > 0 || !row.isEmpty()) {
                row.add(field.toString());
                rows.add(row);
            }
            return rows;
        }
    }

    /** RouterBench stores each prompt as a Python list of strings: {@code ['first', "it's second"]}. */
    static final class PythonStrings {
        static List<String> parse(String literal) {
            List<String> strings = new ArrayList<>();
            int i = skipBlanks(literal, 0);
            expect(literal, i++, '[');
            while (true) {
                i = skipBlanks(literal, i);
                if (literal.charAt(i) == ']') {
                    return strings;
                }
                char quote = literal.charAt(i++);
                if (quote != '\'' && quote != '"') {
                    throw new IllegalArgumentException("expected a quoted string at " + i + ": " + literal);
                }
                StringBuilder out = new StringBuilder();
                while (literal.charAt(i) != quote) {
                    char c = literal.charAt(i++);
                    if (c != '\\') {
                        out.append(c);
                        continue;
                    }
                    char e = literal.charAt(i++);
                    switch (e) {
                        case 'n' -> out.append('\n');
                        case 't' -> out.append('\t');
                        case 'r' -> out.append('\r');
                        case 'x' -> {
                            out.append((char) Integer.parseInt(literal.substring(i, i + 2), 16));
                            i += 2;
                        }
                        case 'u' -> {
                            out.append((char) Integer.parseInt(literal.substring(i, i + 4), 16));
                            i += 4;
                        }
                        default -> out.append(e);
                    }
                }
                strings.add(out.toString());
                i = skipBlanks(literal, i + 1);
                if (literal.charAt(i) == ',') {
                    i++;
                }
            }
        }

        private static int skipBlanks(String s, int i) {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            return i;
        }

        private static void expect(String s, int i, char c) {
            if (i >= s.length() || s.charAt(i) != c) {
                throw new IllegalArgumentException("expected '" + c + "' at " + i + ": " + s);
            }
        }
    }

    /** The markdown written to RESULTS.md and printed. */
    static final class Report {
        private final StringBuilder text = new StringBuilder();

        void line(String line) {
            text.append(line).append('\n');
        }

        String text() {
            return text.toString();
        }
    }
}
