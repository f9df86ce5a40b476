package dev.switchboard.chat;

import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Whether an answer's text is the JSON its request asked for ({@code response_format}). Providers
 * differ in how surely they keep to it (OpenAI's strict schemas are enforced while decoding, a prompt
 * instruction is not), so the gateway checks every answer the same way: it must parse as one JSON
 * value; for {@code json_object} that value must be an object; for {@code json_schema} it must have
 * the schema's top-level {@code type} and every top-level {@code required} property. Deeper schema
 * rules are the provider's to keep. An answer the model did not finish on its own (cut at the output
 * limit, filtered) or that calls tools instead is not judged.
 */
public final class JsonAnswers {

    private JsonAnswers() {
    }

    /** What is wrong with the answer, if the request asked for JSON and the answer is not it. */
    public static Optional<String> problem(ResponseFormat format, String content, FinishReason finish, boolean calledTools) {
        if (!format.wantsJson() || finish != FinishReason.STOP || calledTools) {
            return Optional.empty();
        }
        JsonNode value;
        try {
            value = JsonText.read(content);
        } catch (JsonProcessingException e) {
            return Optional.of("the answer is not valid JSON (" + e.getOriginalMessage() + ")");
        }
        if (value == null || value.isMissingNode()) {
            return Optional.of("the answer is empty, not JSON");
        }
        if (format.kind() == ResponseFormat.Kind.JSON_OBJECT && !value.isObject()) {
            return Optional.of("the answer is JSON but not an object");
        }
        return format.jsonSchema().flatMap(schema -> againstSchema(schema, value));
    }

    private static Optional<String> againstSchema(JsonNode schema, JsonNode value) {
        String type = schema.path("type").asText(null);
        if (type != null && !hasType(value, type)) {
            return Optional.of("the answer is not of the schema's type '" + type + "'");
        }
        if (value.isObject()) {
            for (JsonNode required : schema.path("required")) {
                if (!value.has(required.asText())) {
                    return Optional.of("the answer lacks the schema's required property '" + required.asText() + "'");
                }
            }
        }
        return Optional.empty();
    }

    private static boolean hasType(JsonNode value, String type) {
        return switch (type) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "null" -> value.isNull();
            default -> true;
        };
    }
}
