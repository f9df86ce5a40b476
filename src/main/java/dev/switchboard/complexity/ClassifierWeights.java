package dev.switchboard.complexity;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.switchboard.routing.Tier;

/**
 * The learned classifier's parameters, as trained offline by {@code src/bench/classifier/run.sh} and
 * shipped as the resource {@value LearnedClassifier#RESOURCE}: a multinomial logistic regression over
 * the standardised {@link ConversationFeatures}, and the cost trade-off that turns its probabilities
 * into a tier. This class owns the file format both ways, so the trainer writes exactly what the
 * gateway reads. It is read through Jackson's tree model (no data binding by reflection), and every
 * number is checked: a file that is truncated, hand-edited into nonsense or trained for another
 * feature list is refused with a message that says what is wrong.
 *
 * @param features    the feature names the weights were trained on, in vector order
 * @param mean        per feature, the training mean subtracted before weighting
 * @param scale       per feature, the training standard deviation divided by (positive)
 * @param intercepts  per tier, the logit's constant
 * @param weights     per tier, one weight per standardised feature
 * @param tierCost    per tier, its typical cost relative to the strong tier (which is 1)
 * @param costWeight  accuracy given up per unit of relative cost: higher sends fewer requests up
 * @param description how the weights were trained, for people reading the file
 *
 * <p>The arrays are not copied and a record's equality does not compare them: treat them as read-only.
 */
public record ClassifierWeights(
        List<String> features,
        double[] mean,
        double[] scale,
        double[] intercepts,
        double[][] weights,
        double[] tierCost,
        double costWeight,
        String description) {

    /** The format name written into, and required of, every weights file. */
    public static final String FORMAT = "switchboard-complexity-v1";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int TIERS = Tier.values().length;

    public ClassifierWeights {
        features = List.copyOf(features);
    }

    /** Reads and checks a weights file; {@code origin} names it in error messages. */
    public static ClassifierWeights read(InputStream in, String origin) {
        JsonNode root;
        try {
            root = JSON.readTree(in);
        } catch (JsonProcessingException e) {
            throw new InvalidWeightsException(origin, "not valid JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new InvalidWeightsException(origin, "cannot be read (" + e.getMessage() + ")");
        }
        if (root == null || !root.isObject()) {
            throw new InvalidWeightsException(origin, "must be a JSON object");
        }
        Reader reader = new Reader(root, origin);
        String format = reader.text("format");
        if (!FORMAT.equals(format)) {
            throw new InvalidWeightsException(origin, "format is '" + format + "', expected '" + FORMAT + "'");
        }
        List<String> features = reader.names("features");
        if (!features.equals(ConversationFeatures.NAMES)) {
            throw new InvalidWeightsException(origin, "trained for the features " + features
                    + " but this build computes " + ConversationFeatures.NAMES
                    + "; retrain with src/bench/classifier/run.sh");
        }
        int count = features.size();
        List<String> tiers = reader.names("tiers");
        List<String> expectedTiers = Arrays.stream(Tier.values()).map(Tier::wireName).toList();
        if (!tiers.equals(expectedTiers)) {
            throw new InvalidWeightsException(origin, "'tiers' must be " + expectedTiers + ", was " + tiers);
        }
        double[] scale = reader.numbers("scale", count);
        for (int i = 0; i < count; i++) {
            if (scale[i] <= 0) {
                throw new InvalidWeightsException(origin, "'scale' must be positive, was " + scale[i]
                        + " for " + features.get(i));
            }
        }
        double[][] weights = new double[TIERS][];
        JsonNode rows = reader.array("weights", TIERS);
        for (int t = 0; t < TIERS; t++) {
            weights[t] = reader.numbers(rows.get(t), "weights[" + t + "]", count);
        }
        double[] tierCost = reader.numbers("tierCost", TIERS);
        for (int t = 1; t < TIERS; t++) {
            if (!(tierCost[t] > tierCost[t - 1])) {
                throw new InvalidWeightsException(origin, "'tierCost' must rise from simple to complex, was "
                        + Arrays.toString(tierCost));
            }
        }
        double costWeight = reader.number(root.get("costWeight"), "costWeight");
        if (costWeight < 0) {
            throw new InvalidWeightsException(origin, "'costWeight' must not be negative, was " + costWeight);
        }
        return new ClassifierWeights(features, reader.numbers("mean", count), scale,
                reader.numbers("intercepts", TIERS), weights, tierCost, costWeight,
                root.path("description").asText(""));
    }

    /** The file's JSON text, one array per line so that a diff between trainings stays readable. */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("description", description);
        root.set("features", strings(features));
        root.set("tiers", strings(Arrays.stream(Tier.values()).map(Tier::wireName).toList()));
        root.set("mean", numbers(mean));
        root.set("scale", numbers(scale));
        root.set("intercepts", numbers(intercepts));
        ArrayNode rows = root.putArray("weights");
        for (double[] row : weights) {
            rows.add(numbers(row));
        }
        root.set("tierCost", numbers(tierCost));
        root.put("costWeight", costWeight);
        StringBuilder out = new StringBuilder("{\n");
        var fields = root.fields();
        while (fields.hasNext()) {
            var field = fields.next();
            out.append("  ").append(JSON.getNodeFactory().textNode(field.getKey())).append(": ");
            if (field.getKey().equals("weights")) {
                out.append("[\n");
                for (int t = 0; t < field.getValue().size(); t++) {
                    out.append("    ").append(field.getValue().get(t)).append(t + 1 < TIERS ? ",\n" : "\n");
                }
                out.append("  ]");
            } else {
                out.append(field.getValue());
            }
            out.append(fields.hasNext() ? ",\n" : "\n");
        }
        return out.append("}\n").toString();
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode array = JSON.createArrayNode();
        values.forEach(array::add);
        return array;
    }

    private static ArrayNode numbers(double[] values) {
        ArrayNode array = JSON.createArrayNode();
        for (double value : values) {
            array.add(value);
        }
        return array;
    }

    /** Field access that names the field and the file in every complaint. */
    private record Reader(JsonNode root, String origin) {

        String text(String field) {
            JsonNode node = root.get(field);
            if (node == null || !node.isTextual()) {
                throw new InvalidWeightsException(origin, "'" + field + "' is missing or not a string");
            }
            return node.asText();
        }

        List<String> names(String field) {
            JsonNode node = root.get(field);
            if (node == null || !node.isArray()) {
                throw new InvalidWeightsException(origin, "'" + field + "' is missing or not an array");
            }
            List<String> names = new ArrayList<>();
            for (JsonNode element : node) {
                if (!element.isTextual()) {
                    throw new InvalidWeightsException(origin, "'" + field + "' must hold only strings");
                }
                names.add(element.asText());
            }
            return names;
        }

        JsonNode array(String field, int length) {
            JsonNode node = root.get(field);
            if (node == null || !node.isArray() || node.size() != length) {
                throw new InvalidWeightsException(origin, "'" + field + "' must be an array of " + length
                        + " entries, was " + describe(node));
            }
            return node;
        }

        double[] numbers(String field, int length) {
            return numbers(root.get(field), field, length);
        }

        double[] numbers(JsonNode node, String field, int length) {
            if (node == null || !node.isArray() || node.size() != length) {
                throw new InvalidWeightsException(origin, "'" + field + "' must be an array of " + length
                        + " numbers, was " + describe(node));
            }
            double[] values = new double[length];
            for (int i = 0; i < length; i++) {
                values[i] = number(node.get(i), field + "[" + i + "]");
            }
            return values;
        }

        double number(JsonNode node, String field) {
            if (node == null || !node.isNumber() || !Double.isFinite(node.asDouble())) {
                throw new InvalidWeightsException(origin, "'" + field + "' must be a finite number, was "
                        + describe(node));
            }
            return node.asDouble();
        }

        private static String describe(JsonNode node) {
            if (node == null) {
                return "missing";
            }
            String text = node.toString();
            return node.isArray() ? "an array of " + node.size() : text.length() > 40 ? text.substring(0, 40) + "..." : text;
        }
    }

    /** A weights file that cannot be used; the message names the file and what is wrong with it. */
    public static class InvalidWeightsException extends RuntimeException {
        public InvalidWeightsException(String origin, String problem) {
            super("Complexity classifier weights " + origin + ": " + problem, null, false, false);
        }
    }
}
