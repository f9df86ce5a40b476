package dev.switchboard.chat;

import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * JSON text read one way everywhere: exactly one JSON value, nothing after it. The validator, the
 * translators and the answer checks must agree on what is JSON (a lenient reader takes
 * {@code {} x} for an object, which a strict one refuses: found by fuzzing, a 500 for bad input).
 */
public final class JsonText {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private JsonText() {
    }

    /** The value, or why the text is not one JSON value. */
    public static JsonNode read(String text) throws JsonProcessingException {
        return JSON.readTree(text);
    }

    /** The text as a JSON object, if it is exactly one. */
    public static Optional<JsonNode> object(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (JsonProcessingException notJson) {
            return Optional.empty();
        }
    }
}
