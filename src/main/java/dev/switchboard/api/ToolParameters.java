package dev.switchboard.api;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.switchboard.chat.InvalidRequestException;
import dev.switchboard.chat.JsonText;
import dev.switchboard.chat.Tool;
import dev.switchboard.chat.ToolCall;
import dev.switchboard.chat.ToolChoice;
import dev.switchboard.chat.Tools;

/**
 * Reads OpenAI's function calling: {@code tools}, {@code tool_choice} and {@code parallel_tool_calls}
 * of a request, and the {@code tool_calls} of an assistant message, with OpenAI's own rules (a
 * function name of at most 64 letters, digits, underscores and dashes; {@code tool_choice} and
 * {@code parallel_tool_calls} only with {@code tools}; a named choice must be one of the tools).
 */
public final class ToolParameters {

    /** OpenAI's limit on tools per request. */
    static final int MAX_TOOLS = 128;
    public static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_-]{1,64}");
    /** What a function without {@code parameters} takes: no arguments, as OpenAI documents. */
    private static final ObjectNode NO_PARAMETERS = JsonNodeFactory.instance.objectNode().put("type", "object")
            .set("properties", JsonNodeFactory.instance.objectNode());

    private ToolParameters() {
    }

    static Tools read(JsonNode tools, JsonNode choice, JsonNode parallel) {
        if (tools == null || tools.isNull()) {
            if (present(choice)) {
                throw new InvalidRequestException("tool_choice", "tool_choice is only allowed when tools are specified");
            }
            if (present(parallel)) {
                throw new InvalidRequestException("parallel_tool_calls",
                        "parallel_tool_calls is only allowed when tools are specified");
            }
            return Tools.NONE;
        }
        if (!tools.isArray() || tools.isEmpty() || tools.size() > MAX_TOOLS) {
            throw new InvalidRequestException("tools", "tools must be a non-empty array of at most " + MAX_TOOLS
                    + " tools");
        }
        List<Tool> definitions = new ArrayList<>(tools.size());
        Set<String> names = new HashSet<>();
        for (int i = 0; i < tools.size(); i++) {
            Tool tool = tool(tools.get(i), "tools[" + i + "]");
            if (!names.add(tool.name())) {
                throw new InvalidRequestException("tools[" + i + "].function.name",
                        "tools[" + i + "].function.name '" + tool.name() + "' is offered twice; function names must be unique");
            }
            definitions.add(tool);
        }
        Tools offered = new Tools(definitions, null, null);
        if (present(parallel) && !parallel.isBoolean()) {
            throw new InvalidRequestException("parallel_tool_calls", "parallel_tool_calls must be a boolean");
        }
        return new Tools(definitions, choice(choice, offered), present(parallel) ? parallel.asBoolean() : null);
    }

    private static Tool tool(JsonNode node, String param) {
        if (node == null || !node.isObject()) {
            throw new InvalidRequestException(param, param + " must be an object");
        }
        String type = node.path("type").asText("");
        if (!type.equals("function")) {
            throw new InvalidRequestException(param + ".type", type.isEmpty() ? param + ".type is required"
                    : param + ".type '" + type + "' is not supported by Switchboard; only function tools are");
        }
        JsonNode function = node.get("function");
        if (function == null || !function.isObject()) {
            throw new InvalidRequestException(param + ".function", param + ".function must be an object");
        }
        String name = name(function.get("name"), param + ".function.name");
        JsonNode description = function.get("description");
        if (present(description) && !description.isTextual()) {
            throw new InvalidRequestException(param + ".function.description", param + ".function.description must be a string");
        }
        JsonNode parameters = function.get("parameters");
        if (present(parameters) && !parameters.isObject()) {
            throw new InvalidRequestException(param + ".function.parameters",
                    param + ".function.parameters must be a JSON Schema object");
        }
        JsonNode strict = function.get("strict");
        if (present(strict) && !strict.isBoolean()) {
            throw new InvalidRequestException(param + ".function.strict", param + ".function.strict must be a boolean");
        }
        return new Tool(name, present(description) ? description.asText() : null,
                present(parameters) ? parameters : NO_PARAMETERS, present(strict) ? strict.asBoolean() : null,
                ContentParts.cacheHint(node.get("cache_control"), param + ".cache_control"));
    }

    private static ToolChoice choice(JsonNode choice, Tools offered) {
        if (!present(choice)) {
            return null;
        }
        if (choice.isTextual()) {
            return switch (choice.asText()) {
                case "auto" -> ToolChoice.AUTO;
                case "none" -> ToolChoice.NONE;
                case "required" -> ToolChoice.REQUIRED;
                default -> throw new InvalidRequestException("tool_choice", "tool_choice must be 'none', 'auto', "
                        + "'required' or {\"type\":\"function\",\"function\":{\"name\":...}}; was '" + choice.asText() + "'");
            };
        }
        if (!choice.isObject() || !"function".equals(choice.path("type").asText())) {
            throw new InvalidRequestException("tool_choice", "tool_choice must be 'none', 'auto', 'required' or "
                    + "{\"type\":\"function\",\"function\":{\"name\":...}}");
        }
        String name = name(choice.path("function").get("name"), "tool_choice.function.name");
        if (offered.named(name).isEmpty()) {
            throw new InvalidRequestException("tool_choice.function.name",
                    "tool_choice.function.name '" + name + "' is not one of the tools offered");
        }
        return ToolChoice.function(name);
    }

    /**
     * An assistant message's {@code tool_calls}. The arguments must be a JSON object, as every
     * provider but OpenAI takes them as one.
     */
    static List<ToolCall> calls(JsonNode calls, String param) {
        if (!present(calls)) {
            return List.of();
        }
        if (!calls.isArray() || calls.isEmpty()) {
            throw new InvalidRequestException(param, param + " must be a non-empty array");
        }
        List<ToolCall> read = new ArrayList<>(calls.size());
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < calls.size(); i++) {
            String at = param + "[" + i + "]";
            JsonNode call = calls.get(i);
            if (call == null || !call.isObject()) {
                throw new InvalidRequestException(at, at + " must be an object");
            }
            if (!call.path("id").isTextual() || call.get("id").asText().isEmpty()) {
                throw new InvalidRequestException(at + ".id", at + ".id must be a non-empty string");
            }
            if (!ids.add(call.get("id").asText())) {
                throw new InvalidRequestException(at + ".id", at + ".id '" + call.get("id").asText() + "' is used twice");
            }
            String type = call.path("type").asText("function");
            if (!type.equals("function")) {
                throw new InvalidRequestException(at + ".type", at + ".type must be 'function'");
            }
            String name = name(call.path("function").get("name"), at + ".function.name");
            JsonNode arguments = call.path("function").get("arguments");
            if (arguments == null || !arguments.isTextual()) {
                throw new InvalidRequestException(at + ".function.arguments", at + ".function.arguments must be a string of JSON");
            }
            if (JsonText.object(arguments.asText()).isEmpty()) {
                throw new InvalidRequestException(at + ".function.arguments", at + ".function.arguments must be a JSON object");
            }
            read.add(new ToolCall(call.get("id").asText(), name, arguments.asText()));
        }
        return read;
    }

    private static String name(JsonNode name, String param) {
        if (name == null || !name.isTextual()) {
            throw new InvalidRequestException(param, param + " must be a string");
        }
        if (!NAME.matcher(name.asText()).matches()) {
            throw new InvalidRequestException(param, param + " must be 1 to 64 letters, digits, underscores or dashes");
        }
        return name.asText();
    }

    public static boolean present(JsonNode node) {
        return node != null && !node.isNull();
    }
}
