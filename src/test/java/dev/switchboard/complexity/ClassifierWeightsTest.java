package dev.switchboard.complexity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.switchboard.complexity.ClassifierWeights.InvalidWeightsException;

class ClassifierWeightsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ClassifierWeights read(String json) {
        return ClassifierWeights.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.json");
    }

    private static ObjectNode shipped() throws Exception {
        return (ObjectNode) JSON.readTree(LearnedClassifier.fromResource().weights().toJson());
    }

    @Test
    void theShippedWeightsLoadForTheFeaturesThisBuildComputes() {
        ClassifierWeights weights = LearnedClassifier.fromResource().weights();

        assertThat(weights.features()).isEqualTo(ConversationFeatures.NAMES);
        assertThat(weights.tierCost()).hasSize(3).containsExactly(weights.tierCost()[0], weights.tierCost()[1], 1.0);
        assertThat(weights.costWeight()).isPositive();
        assertThat(weights.description()).contains("RouterBench", "MATH");
    }

    @Test
    void whatIsWrittenIsWhatIsRead() {
        ClassifierWeights weights = LearnedClassifier.fromResource().weights();

        ClassifierWeights again = read(weights.toJson());

        assertThat(again.mean()).containsExactly(weights.mean());
        assertThat(again.scale()).containsExactly(weights.scale());
        assertThat(again.intercepts()).containsExactly(weights.intercepts());
        for (int t = 0; t < 3; t++) {
            assertThat(again.weights()[t]).containsExactly(weights.weights()[t]);
        }
        assertThat(again.costWeight()).isEqualTo(weights.costWeight());
    }

    @Test
    void aCorruptResourceFailsNamingTheFileAndTheProblem() {
        assertThatThrownBy(() -> LearnedClassifier.fromResource("complexity/corrupt-weights.json"))
                .isInstanceOf(InvalidWeightsException.class)
                .hasMessageStartingWith("Complexity classifier weights resource complexity/corrupt-weights.json: ")
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void aMissingResourceFailsSayingHowToGetOne() {
        assertThatThrownBy(() -> LearnedClassifier.fromResource("complexity/nowhere.json"))
                .isInstanceOf(InvalidWeightsException.class)
                .hasMessageContaining("complexity/nowhere.json")
                .hasMessageContaining("missing from the class path")
                .hasMessageContaining("src/bench/classifier/run.sh")
                .hasMessageContaining("switchboard.auto.classifier=keywords");
    }

    @Test
    void weightsForOtherFeaturesAreRefusedWithARetrainHint() throws Exception {
        ObjectNode json = shipped();
        List<String> renamed = new ArrayList<>(ConversationFeatures.NAMES);
        renamed.set(0, "prompt_tokens");
        ArrayNode features = json.putArray("features");
        renamed.forEach(features::add);

        assertThatThrownBy(() -> read(json.toString()))
                .isInstanceOf(InvalidWeightsException.class)
                .hasMessageContaining("trained for the features [prompt_tokens, conversation_chars")
                .hasMessageContaining("retrain with src/bench/classifier/run.sh");
    }

    @Test
    void everyNumberIsChecked() throws Exception {
        ObjectNode missing = shipped();
        missing.remove("costWeight");
        assertThatThrownBy(() -> read(missing.toString())).hasMessageContaining("'costWeight' must be a finite number, was missing");

        ObjectNode text = shipped();
        ((ArrayNode) text.get("mean")).set(3, JSON.getNodeFactory().textNode("0.5"));
        assertThatThrownBy(() -> read(text.toString())).hasMessageContaining("'mean[3]' must be a finite number, was \"0.5\"");

        ObjectNode shortRow = shipped();
        ((ArrayNode) shortRow.get("weights").get(2)).remove(0);
        assertThatThrownBy(() -> read(shortRow.toString()))
                .hasMessageContaining("'weights[2]' must be an array of " + ConversationFeatures.COUNT + " numbers");

        ObjectNode zeroScale = shipped();
        ((ArrayNode) zeroScale.get("scale")).set(1, JSON.getNodeFactory().numberNode(0.0));
        assertThatThrownBy(() -> read(zeroScale.toString()))
                .hasMessageContaining("'scale' must be positive, was 0.0 for conversation_chars");

        ObjectNode costs = shipped();
        costs.set("tierCost", JSON.createArrayNode().add(0.1).add(0.1).add(1.0));
        assertThatThrownBy(() -> read(costs.toString())).hasMessageContaining("'tierCost' must rise from simple to complex");

        ObjectNode format = shipped();
        format.put("format", "something-else");
        assertThatThrownBy(() -> read(format.toString()))
                .hasMessageContaining("format is 'something-else', expected 'switchboard-complexity-v1'");
    }
}
