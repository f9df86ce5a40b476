package dev.switchboard.chat;

import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The shape the answer's text must have. {@link Kind#TEXT} is the default and asks for nothing.
 *
 * @param name   the schema's name, with {@link Kind#JSON_SCHEMA}
 * @param schema the JSON Schema the answer must follow, with {@link Kind#JSON_SCHEMA}
 * @param strict whether the provider must follow the schema exactly; null when the caller did not say
 */
public record ResponseFormat(Kind kind, String name, String description, JsonNode schema, Boolean strict) {

    public static final ResponseFormat TEXT = new ResponseFormat(Kind.TEXT, null, null, null, null);
    public static final ResponseFormat JSON_OBJECT = new ResponseFormat(Kind.JSON_OBJECT, null, null, null, null);

    public enum Kind {
        TEXT, JSON_OBJECT, JSON_SCHEMA
    }

    /** Whether the answer must be JSON: a JSON object, or a value that follows {@link #schema}. */
    public boolean wantsJson() {
        return kind != Kind.TEXT;
    }

    public Optional<JsonNode> jsonSchema() {
        return kind == Kind.JSON_SCHEMA ? Optional.ofNullable(schema) : Optional.empty();
    }
}
