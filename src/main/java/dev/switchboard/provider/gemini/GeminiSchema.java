package dev.switchboard.provider.gemini;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A caller's JSON Schema as Gemini's {@code Schema}: function parameters and the response schema
 * take only a subset of OpenAPI 3.0 (type, format, title, description, nullable, enum, min/maxItems,
 * properties, required, min/maxProperties, min/maxLength, pattern, example, anyOf, propertyOrdering,
 * default, items, minimum, maximum). What maps onto it is translated; keywords that only annotate
 * are dropped; a keyword that would change which values are valid and has no Gemini equivalent is
 * refused, naming it and where it is, because silently dropping it would let the model answer
 * outside the caller's schema. Pure: the input is never changed.
 */
public final class GeminiSchema {

    /** A schema keyword Gemini has no equivalent for; the message is the reason the router gives. */
    public static final class Untranslatable extends IllegalArgumentException {
        Untranslatable(String path, String keyword, String why) {
            super(path + ": JSON Schema keyword '" + keyword + "' cannot be translated for gemini"
                    + (why == null ? "" : " (" + why + ")"));
        }

        Untranslatable(String path) {
            super(path + ": a JSON Schema that is not an object cannot be translated for gemini");
        }
    }

    /** Gemini's own fields, with the same meaning and value shape as in JSON Schema. */
    private static final Set<String> COPIED = Set.of("format", "title", "description", "nullable", "minItems",
            "maxItems", "minProperties", "maxProperties", "minLength", "maxLength", "pattern", "example", "default",
            "minimum", "maximum", "propertyOrdering", "required");

    /** Annotations and identifiers that do not change which values are valid. */
    private static final Set<String> DROPPED = Set.of("$schema", "$id", "$comment", "$anchor", "examples", "strict",
            "readOnly", "writeOnly", "deprecated", "contentEncoding", "contentMediaType");

    /** Keywords that say nothing when they hold {@code false}, as an empty schema allows the same. */
    private static final Set<String> DROPPED_WHEN_FALSE = Set.of("additionalProperties", "unevaluatedProperties",
            "uniqueItems");

    private static final Map<String, String> TYPES = Map.of("string", "STRING", "number", "NUMBER",
            "integer", "INTEGER", "boolean", "BOOLEAN", "array", "ARRAY", "object", "OBJECT");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private GeminiSchema() {
    }

    /** A function's parameters as a {@code FunctionDeclaration.parameters}. */
    public static ObjectNode parameters(JsonNode schema, String path) {
        return translate(schema, path, false);
    }

    /**
     * A response format's schema as {@code generationConfig.responseSchema}. Gemini writes an answer's
     * keys in alphabetical order unless told otherwise, OpenAI in the schema's order, so every object
     * gets a {@code propertyOrdering} of its properties as the caller listed them.
     */
    public static ObjectNode response(JsonNode schema, String path) {
        return translate(schema, path, true);
    }

    /** Why {@link #parameters} or {@link #response} would refuse this schema, if it would. */
    public static Optional<String> rejection(JsonNode schema, String path) {
        try {
            translate(schema, path, false);
            return Optional.empty();
        } catch (Untranslatable e) {
            return Optional.of(e.getMessage());
        }
    }

    private static ObjectNode translate(JsonNode schema, String path, boolean ordered) {
        if (!schema.isObject()) {
            throw new Untranslatable(path);
        }
        ObjectNode out = NODES.objectNode();
        Iterator<Map.Entry<String, JsonNode>> fields = schema.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!field.getKey().equals("anyOf")) {
                keyword(field.getKey(), field.getValue(), path, ordered, out);
            }
        }
        // Last, so that a lone branch is merged only when it clashes with none of the schema's own keywords.
        if (schema.has("anyOf")) {
            anyOf(schema.get("anyOf"), path, ordered, out);
        }
        if (ordered && out.has("properties") && !out.has("propertyOrdering") && out.get("properties").size() > 1) {
            ArrayNode order = out.putArray("propertyOrdering");
            out.get("properties").fieldNames().forEachRemaining(order::add);
        }
        return out;
    }

    private static void keyword(String keyword, JsonNode value, String path, boolean ordered, ObjectNode out) {
        if (COPIED.contains(keyword)) {
            out.set(keyword, value);
        } else if (DROPPED.contains(keyword)) {
            return;
        } else if (DROPPED_WHEN_FALSE.contains(keyword)) {
            if (!(value.isBoolean() && !value.booleanValue())) {
                throw new Untranslatable(path, keyword, "only false is translated");
            }
        } else if (keyword.equals("type")) {
            type(value, path, out);
        } else if (keyword.equals("enum")) {
            enumeration(value, path, out);
        } else if (keyword.equals("const")) {
            if (!value.isTextual()) {
                throw new Untranslatable(path, keyword, "only a string is translated");
            }
            out.putArray("enum").add(value);
        } else if (keyword.equals("properties")) {
            properties(value, path, ordered, out);
        } else if (keyword.equals("items")) {
            if (!value.isObject()) {
                throw new Untranslatable(path, keyword, "only a single schema is translated");
            }
            out.set("items", translate(value, path + ".items", ordered));
        } else {
            throw new Untranslatable(path, keyword, null);
        }
    }

    /** Gemini types are single: {@code [X, "null"]} is type X, nullable. */
    private static void type(JsonNode value, String path, ObjectNode out) {
        List<String> types = new ArrayList<>();
        boolean nullable = false;
        for (JsonNode type : value.isArray() ? value : List.of(value)) {
            if (type.isTextual() && type.textValue().equals("null")) {
                nullable = true;
            } else if (type.isTextual() && TYPES.containsKey(type.textValue())) {
                types.add(TYPES.get(type.textValue()));
            } else {
                throw new Untranslatable(path, "type", "unknown type " + type);
            }
        }
        if (types.size() != 1) {
            throw new Untranslatable(path, "type", "exactly one type besides null is translated");
        }
        out.put("type", types.get(0));
        if (nullable) {
            out.put("nullable", true);
        }
    }

    /** Gemini's enum holds strings only; a null among them makes the value nullable. */
    private static void enumeration(JsonNode value, String path, ObjectNode out) {
        if (!value.isArray() || value.isEmpty()) {
            throw new Untranslatable(path, "enum", "only a list of strings is translated");
        }
        ArrayNode values = NODES.arrayNode();
        for (JsonNode item : value) {
            if (item.isNull()) {
                out.put("nullable", true);
            } else if (item.isTextual()) {
                values.add(item);
            } else {
                throw new Untranslatable(path, "enum", "only string values are translated");
            }
        }
        out.set("enum", values);
    }

    private static void properties(JsonNode value, String path, boolean ordered, ObjectNode out) {
        if (!value.isObject()) {
            throw new Untranslatable(path, "properties", "it must be an object");
        }
        ObjectNode properties = out.putObject("properties");
        value.fields().forEachRemaining(property -> properties.set(property.getKey(),
                translate(property.getValue(), path + ".properties." + property.getKey(), ordered)));
    }

    /**
     * Null branches (how Pydantic and zod write an optional value) become {@code nullable}; when a
     * single branch is left and shares no keyword with the schema around it, it takes the anyOf's place.
     */
    private static void anyOf(JsonNode value, String path, boolean ordered, ObjectNode out) {
        if (!value.isArray() || value.isEmpty()) {
            throw new Untranslatable(path, "anyOf", "it must be a non-empty list of schemas");
        }
        List<ObjectNode> branches = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode branch = value.get(i);
            if (isNullType(branch)) {
                out.put("nullable", true);
            } else {
                branches.add(translate(branch, path + ".anyOf[" + i + "]", ordered));
            }
        }
        if (branches.isEmpty()) {
            throw new Untranslatable(path, "anyOf", "every branch is null");
        }
        if (branches.size() == 1 && disjoint(branches.get(0), out)) {
            out.setAll(branches.get(0));
        } else {
            out.putArray("anyOf").addAll(branches);
        }
    }

    private static boolean isNullType(JsonNode branch) {
        return branch.isObject() && branch.size() == 1 && "null".equals(branch.path("type").textValue());
    }

    private static boolean disjoint(ObjectNode branch, ObjectNode around) {
        Iterator<String> names = branch.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (around.has(name) && !name.equals("nullable")) {
                return false;
            }
        }
        return true;
    }
}
