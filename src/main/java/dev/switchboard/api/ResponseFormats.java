package dev.switchboard.api;

import com.fasterxml.jackson.databind.JsonNode;

import dev.switchboard.chat.InvalidRequestException;
import dev.switchboard.chat.ResponseFormat;

/**
 * Reads {@code response_format}: {@code {"type":"text"}}, {@code {"type":"json_object"}} or
 * {@code {"type":"json_schema","json_schema":{"name":...,"schema":{...},"strict":true}}}.
 */
final class ResponseFormats {

    private ResponseFormats() {
    }

    static ResponseFormat read(JsonNode format) {
        if (!ToolParameters.present(format)) {
            return ResponseFormat.TEXT;
        }
        if (!format.isObject()) {
            throw new InvalidRequestException("response_format", "response_format must be an object");
        }
        String type = format.path("type").asText("");
        return switch (type) {
            case "text" -> ResponseFormat.TEXT;
            case "json_object" -> ResponseFormat.JSON_OBJECT;
            case "json_schema" -> schema(format.get("json_schema"));
            default -> throw new InvalidRequestException("response_format.type",
                    "response_format.type must be 'text', 'json_object' or 'json_schema'"
                            + (type.isEmpty() ? "" : "; was '" + type + "'"));
        };
    }

    private static ResponseFormat schema(JsonNode spec) {
        String param = "response_format.json_schema";
        if (spec == null || !spec.isObject()) {
            throw new InvalidRequestException(param, param + " must be an object with a name and a schema");
        }
        JsonNode name = spec.get("name");
        if (name == null || !name.isTextual() || !ToolParameters.NAME.matcher(name.asText()).matches()) {
            throw new InvalidRequestException(param + ".name",
                    param + ".name must be 1 to 64 letters, digits, underscores or dashes");
        }
        JsonNode description = spec.get("description");
        if (ToolParameters.present(description) && !description.isTextual()) {
            throw new InvalidRequestException(param + ".description", param + ".description must be a string");
        }
        JsonNode schema = spec.get("schema");
        if (ToolParameters.present(schema) && !schema.isObject()) {
            throw new InvalidRequestException(param + ".schema", param + ".schema must be a JSON Schema object");
        }
        JsonNode strict = spec.get("strict");
        if (ToolParameters.present(strict) && !strict.isBoolean()) {
            throw new InvalidRequestException(param + ".strict", param + ".strict must be a boolean");
        }
        return new ResponseFormat(ResponseFormat.Kind.JSON_SCHEMA, name.asText(),
                ToolParameters.present(description) ? description.asText() : null,
                ToolParameters.present(schema) ? schema : null,
                ToolParameters.present(strict) ? strict.asBoolean() : null);
    }
}
