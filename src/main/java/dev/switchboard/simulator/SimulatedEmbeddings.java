package dev.switchboard.simulator;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Simulated embeddings: deterministic unit vectors from SHA-256 of the text (and of the model and a
 * block counter, so each model is its own space), so the same text always gets the same vector, and
 * the quick start works without keys. Not semantic: similar texts are not near each other.
 */
final class SimulatedEmbeddings {

    /** The size answered when a request asks for none: text-embedding-3-small's. */
    static final int OPENAI_DEFAULT = 1536;
    /** gemini-embedding-001's full size. */
    static final int GEMINI_DEFAULT = 3072;
    /** Larger asks are refused, as the real APIs refuse sizes their models do not have. */
    static final int MAX_DIMENSIONS = 8192;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SimulatedEmbeddings() {
    }

    static float[] vector(String model, String text, int dimensions) {
        float[] vector = new float[dimensions];
        byte[] seed = (model + "\u0000" + text).getBytes(StandardCharsets.UTF_8);
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        double norm = 0;
        for (int block = 0; block * 8 < dimensions; block++) {
            sha.update(seed);
            ByteBuffer digest = ByteBuffer.wrap(sha.digest(ByteBuffer.allocate(4).putInt(block).array()));
            for (int i = 0; i < 8 && block * 8 + i < dimensions; i++) {
                float value = digest.getInt() / (float) Integer.MAX_VALUE;
                vector[block * 8 + i] = value;
                norm += value * value;
            }
        }
        double length = Math.sqrt(norm);
        for (int i = 0; i < dimensions && length > 0; i++) {
            vector[i] = (float) (vector[i] / length);
        }
        return vector;
    }

    /** The size asked, if a sensible one, else the default; null when the ask is one no model has. */
    static Integer size(JsonNode asked, int fallback) {
        if (asked.isMissingNode() || asked.isNull()) {
            return fallback;
        }
        return asked.isIntegralNumber() && asked.asInt() > 0 && asked.asInt() <= MAX_DIMENSIONS ? asked.asInt() : null;
    }

    /** {@code POST /v1/embeddings} answered in OpenAI's format. */
    static ObjectNode openAi(String model, List<String> texts, int dimensions) {
        ObjectNode answer = NODES.objectNode().put("object", "list");
        var data = answer.putArray("data");
        int tokens = 0;
        for (int i = 0; i < texts.size(); i++) {
            ObjectNode item = data.addObject().put("object", "embedding").put("index", i);
            var values = item.putArray("embedding");
            for (float value : vector(model, texts.get(i), dimensions)) {
                values.add(value);
            }
            tokens += SimulatedReplies.tokens(texts.get(i));
        }
        answer.put("model", model);
        answer.putObject("usage").put("prompt_tokens", tokens).put("total_tokens", tokens);
        return answer;
    }

    /** A Gemini {@code ContentEmbedding}. */
    static ObjectNode gemini(String model, String text, int dimensions) {
        ObjectNode embedding = NODES.objectNode();
        var values = embedding.putArray("values");
        for (float value : vector(model, text, dimensions)) {
            values.add(value);
        }
        return embedding;
    }

    /** The texts of an OpenAI {@code input}: a string or an array of strings (anything else is a 400 upstream). */
    static List<String> texts(JsonNode input) {
        List<String> texts = new ArrayList<>();
        if (input.isTextual()) {
            texts.add(input.asText());
        } else {
            input.forEach(item -> texts.add(item.asText()));
        }
        return texts;
    }

    /** The text of a Gemini {@code content}'s parts, joined. */
    static String text(JsonNode content) {
        StringBuilder text = new StringBuilder();
        content.path("parts").forEach(part -> text.append(part.path("text").asText("")));
        return text.toString();
    }
}
