package dev.switchboard.api.responses;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.switchboard.api.ContentParts;
import dev.switchboard.api.ThinkingBlocks;
import dev.switchboard.api.ToolParameters;
import dev.switchboard.chat.ChatMessage;
import dev.switchboard.chat.ChatRequest;
import dev.switchboard.chat.ContentPart;
import dev.switchboard.chat.InvalidRequestException;
import dev.switchboard.chat.JsonText;
import dev.switchboard.chat.Parameters;
import dev.switchboard.chat.ResponseFormat;
import dev.switchboard.chat.Role;
import dev.switchboard.chat.Tool;
import dev.switchboard.chat.ToolCall;
import dev.switchboard.chat.ToolChoice;
import dev.switchboard.chat.Tools;

/**
 * Checks a {@code POST /v1/responses} body against the stateless part of OpenAI's Responses API and
 * turns it into the gateway's {@link ChatRequest}, so that it is routed, failed over and translated
 * for every provider exactly as a chat is. {@code input} items become messages: a
 * {@code function_call} joins the assistant turn before it as a tool call, a
 * {@code function_call_output} becomes a tool result and must answer a call earlier in
 * {@code input} (nothing is stored, so there is nowhere else to find it). What needs stored state
 * ({@code previous_response_id}, {@code conversation}, {@code prompt}, {@code background}) is a 400
 * saying so. Errors name the parameter's path, e.g. {@code input[2].call_id}.
 */
public final class ResponsesRequestReader {

    static final String UNSUPPORTED = "unsupported_parameter";
    /** OpenAI's limit on tools per request. */
    static final int MAX_TOOLS = 128;
    static final Set<String> ROLES = Set.of("user", "assistant", "system", "developer");
    static final Set<String> VERBOSITIES = Set.of("low", "medium", "high");
    static final Set<String> SUMMARIES = Set.of("auto", "concise", "detailed");
    /** What a function without {@code parameters} takes: no arguments. */
    private static final ObjectNode NO_PARAMETERS = JsonNodeFactory.instance.objectNode().put("type", "object")
            .set("properties", JsonNodeFactory.instance.objectNode());
    /**
     * Responses parameters read here and not forwarded: {@code include} asks for extra output data
     * (encrypted reasoning, logprobs) no route returns through the gateway, and {@code stream_options}
     * only tunes the event stream's obfuscation padding, which Switchboard does not add.
     */
    private static final Set<String> CONSUMED = Set.of("include", "stream_options", "truncation");
    /** Responses parameters no route can honour through a conversation; a 400 naming them. */
    private static final Set<String> NOT_SUPPORTED = Set.of("top_logprobs", "max_tool_calls");

    private ResponsesRequestReader() {
    }

    /**
     * The request as the gateway routes it, and what its response repeats.
     *
     * @param streams whether the caller asked for the event stream ({@code stream: true})
     */
    public record Translated(ChatRequest request, ResponseObject.Echo echo, boolean streams) {
    }

    public static Translated read(ResponsesRequest body, long maxImageBytes) {
        if (body == null) {
            throw new InvalidRequestException(null, "The request body is required: a JSON Responses API request");
        }
        refuseStateful(body);
        checkRange("temperature", body.temperature(), 0, 2);
        checkRange("top_p", body.topP(), 0, 1);
        if (body.maxOutputTokens() != null && body.maxOutputTokens() < 1) {
            throw new InvalidRequestException("max_output_tokens", "max_output_tokens must be at least 1, was "
                    + body.maxOutputTokens());
        }
        Map<String, JsonNode> extra = extra(body);
        String instructions = instructions(body.instructions());
        Tools tools = tools(body.tools(), body.toolChoice(), body.parallelToolCalls());
        Format format = format(body.text());
        if (format.verbosity() != null) {
            extra.put("verbosity", JsonNodeFactory.instance.textNode(format.verbosity()));
        }
        ResponseObject.Reasoning reasoning = reasoning(body.reasoning());
        if (reasoning.effort() != null) {
            extra.put(Parameters.REASONING_EFFORT, JsonNodeFactory.instance.textNode(reasoning.effort()));
        }
        Map<String, String> metadata = metadata(body.metadata());
        checkBoolean("store", body.store());
        checkStreamOptions(body);
        List<ChatMessage> messages = new ArrayList<>();
        if (instructions != null) {
            messages.add(ChatMessage.of(Role.SYSTEM, instructions));
        }
        messages.addAll(new InputItems(new ContentParts(maxImageBytes)).read(body.input()));
        var request = new ChatRequest(messages, body.temperature(), body.topP(), body.maxOutputTokens(), List.of(),
                null, body.user(), extra, tools, format.format());
        var echo = new ResponseObject.Echo(instructions, echoTools(tools), echoChoice(tools.choice()),
                tools.parallel() == null || tools.parallel(), body.temperature(), body.topP(), body.maxOutputTokens(),
                new ResponseObject.Text(echoFormat(format.format()), format.verbosity()), reasoning, metadata,
                body.user());
        return new Translated(request, echo, Boolean.TRUE.equals(body.stream()));
    }

    /** Switchboard is stateless: nothing that refers to a stored response, conversation or prompt is served. */
    private static void refuseStateful(ResponsesRequest body) {
        if (present(body.previousResponseId())) {
            throw new InvalidRequestException(400, "previous_response_id", "previous_response_id is not supported:"
                    + " Switchboard is stateless and stores no responses; send the whole conversation in input",
                    UNSUPPORTED);
        }
        if (present(body.conversation())) {
            throw new InvalidRequestException(400, "conversation", "conversation is not supported: Switchboard is"
                    + " stateless and stores no conversations; send the whole conversation in input", UNSUPPORTED);
        }
        if (present(body.prompt())) {
            throw new InvalidRequestException(400, "prompt", "prompt is not supported: Switchboard has no stored"
                    + " prompt templates; send the instructions and the input themselves", UNSUPPORTED);
        }
        checkBoolean("background", body.background());
        if (present(body.background()) && body.background().asBoolean()) {
            throw new InvalidRequestException(400, "background", "background is not supported: Switchboard stores"
                    + " no responses to poll; send the request without it (stream: true for long answers)",
                    UNSUPPORTED);
        }
    }

    /**
     * The parameters not modelled here, treated as chat treats its unknown ones: forwarded verbatim
     * to OpenAI-format providers, a reason for the others to decline unless they are droppable.
     */
    private static Map<String, JsonNode> extra(ResponsesRequest body) {
        Map<String, JsonNode> extra = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : body.extra().entrySet()) {
            String name = entry.getKey();
            if (name.equals("messages")) {
                throw new InvalidRequestException("messages", "messages is a Chat Completions parameter; "
                        + "/v1/responses takes the conversation in input");
            }
            if (NOT_SUPPORTED.contains(name) || Parameters.NOT_YET_SUPPORTED.contains(name)) {
                throw new InvalidRequestException(400, name, name + " is not supported by this version of Switchboard",
                        UNSUPPORTED);
            }
            if (name.equals("truncation") && present(entry.getValue())
                    && !"disabled".equals(entry.getValue().asText(null))) {
                throw new InvalidRequestException(400, "truncation", "truncation must be 'disabled': Switchboard"
                        + " never drops part of a conversation", UNSUPPORTED);
            }
            if (name.equals("include") && present(entry.getValue()) && !entry.getValue().isArray()) {
                throw new InvalidRequestException("include", "include must be an array of strings");
            }
            if (!CONSUMED.contains(name)) {
                extra.put(name, entry.getValue());
            }
        }
        return extra;
    }

    private static String instructions(JsonNode instructions) {
        if (!present(instructions)) {
            return null;
        }
        if (!instructions.isTextual()) {
            throw new InvalidRequestException("instructions", "instructions must be a string");
        }
        return instructions.asText().isEmpty() ? null : instructions.asText();
    }

    /** Reads {@code input}: a string (one user message) or a non-empty array of items. */
    private static final class InputItems {

        private final ContentParts contents;
        private final List<ChatMessage> messages = new ArrayList<>();
        private final Set<String> calls = new HashSet<>();

        InputItems(ContentParts contents) {
            this.contents = contents;
        }

        List<ChatMessage> read(JsonNode input) {
            if (!present(input)) {
                throw new InvalidRequestException("input", "input is required: a string or an array of input items");
            }
            if (input.isTextual()) {
                return List.of(ChatMessage.of(Role.USER, input.asText()));
            }
            if (!input.isArray() || input.isEmpty()) {
                throw new InvalidRequestException("input", "input must be a string or a non-empty array of input items");
            }
            for (int i = 0; i < input.size(); i++) {
                item(input.get(i), "input[" + i + "]");
            }
            if (messages.isEmpty()) {
                throw new InvalidRequestException("input", "input must hold at least one message, function call or"
                        + " function call output");
            }
            return messages;
        }

        private void item(JsonNode item, String param) {
            if (!item.isObject()) {
                throw new InvalidRequestException(param, param + " must be an object");
            }
            JsonNode typeNode = item.get("type");
            if (present(typeNode) && !typeNode.isTextual()) {
                throw new InvalidRequestException(param + ".type", param + ".type must be a string");
            }
            String type = present(typeNode) ? typeNode.asText() : item.has("role") ? "message" : "";
            switch (type) {
                case "message" -> messages.add(message(item, param));
                case "function_call" -> call(item, param);
                case "function_call_output" -> output(item, param);
                // The model's reasoning from an earlier answer, as Switchboard returns it: a summary, no
                // signature. No provider takes a summary back as reasoning, so it is dropped.
                case "reasoning" -> { }
                case "item_reference" -> throw new InvalidRequestException(400, param + ".type", param
                        + ".type 'item_reference' is not supported: Switchboard is stateless and stores no items;"
                        + " send the item itself", UNSUPPORTED);
                case "" -> throw new InvalidRequestException(param + ".type", param + ".type is required");
                default -> throw new InvalidRequestException(param + ".type", param + ".type '" + type
                        + "' is not supported by Switchboard; message, function_call, function_call_output and"
                        + " reasoning items are");
            }
        }

        private ChatMessage message(JsonNode item, String param) {
            JsonNode roleNode = item.get("role");
            if (roleNode == null || !roleNode.isTextual()) {
                throw new InvalidRequestException(param + ".role", param + ".role is required: user, assistant,"
                        + " system or developer");
            }
            String roleName = roleNode.asText();
            if (!ROLES.contains(roleName)) {
                throw new InvalidRequestException(param + ".role", param
                        + ".role must be one of user, assistant, system, developer; was '" + roleName + "'");
            }
            Role role = Role.fromWire(roleName).orElseThrow();
            JsonNode content = item.get("content");
            if (!present(content)) {
                throw new InvalidRequestException(param + ".content", param + ".content is required");
            }
            return new ChatMessage(role, parts(content, param + ".content", role), null, List.of(), null);
        }

        private List<ContentPart> parts(JsonNode content, String param, Role role) {
            if (content.isTextual()) {
                return List.of(new ContentPart.Text(content.asText()));
            }
            if (!content.isArray() || content.isEmpty()) {
                throw new InvalidRequestException(param, param + " must be a string or a non-empty array of content parts");
            }
            List<ContentPart> parts = new ArrayList<>(content.size());
            for (int i = 0; i < content.size(); i++) {
                parts.add(part(content.get(i), param + "[" + i + "]", role));
            }
            return parts;
        }

        private ContentPart part(JsonNode part, String param, Role role) {
            if (!part.isObject()) {
                throw new InvalidRequestException(param, param + " must be an object");
            }
            String type = part.path("type").asText("");
            switch (type) {
                case "input_text", "output_text" -> {
                    return text(part, "text", param);
                }
                case "refusal" -> {
                    return text(part, "refusal", param);
                }
                case "input_image" -> {
                    if (role != Role.USER) {
                        throw new InvalidRequestException(param + ".type", param + ".type 'input_image' is only"
                                + " allowed in user messages");
                    }
                    return image(part, param);
                }
                case "" -> throw new InvalidRequestException(param + ".type", param + ".type is required");
                default -> throw new InvalidRequestException(param + ".type", param + ".type '" + type
                        + "' is not supported by Switchboard; input_text, output_text and input_image parts are");
            }
        }

        private static ContentPart text(JsonNode part, String field, String param) {
            if (!part.path(field).isTextual()) {
                throw new InvalidRequestException(param + "." + field, param + "." + field + " must be a string");
            }
            return new ContentPart.Text(part.get(field).asText());
        }

        private ContentPart image(JsonNode part, String param) {
            JsonNode url = part.get("image_url");
            if (!present(url) && present(part.get("file_id"))) {
                throw new InvalidRequestException(400, param + ".file_id", param + ".file_id is not supported:"
                        + " Switchboard stores no files; send the image as image_url (an https or data: URL)",
                        UNSUPPORTED);
            }
            if (url == null || !url.isTextual()) {
                throw new InvalidRequestException(param + ".image_url", param + ".image_url must be a string");
            }
            String detail = null;
            JsonNode detailNode = part.get("detail");
            if (present(detailNode)) {
                detail = detailNode.asText();
                if (!detailNode.isTextual() || !ContentParts.DETAILS.contains(detail)) {
                    throw new InvalidRequestException(param + ".detail", param + ".detail must be one of auto, low, high");
                }
            }
            return new ContentPart.Image(contents.source(url.asText(), param + ".image_url"), detail, null);
        }

        /** A function call joins the assistant turn right before it, as chat carries calls. */
        private void call(JsonNode item, String param) {
            String id = callId(item, param);
            if (!calls.add(id)) {
                throw new InvalidRequestException(param + ".call_id", param + ".call_id '" + id + "' is used twice");
            }
            JsonNode name = item.get("name");
            if (name == null || !name.isTextual() || !ToolParameters.NAME.matcher(name.asText()).matches()) {
                throw new InvalidRequestException(param + ".name",
                        param + ".name must be 1 to 64 letters, digits, underscores or dashes");
            }
            JsonNode arguments = item.get("arguments");
            if (arguments == null || !arguments.isTextual()) {
                throw new InvalidRequestException(param + ".arguments", param + ".arguments must be a string of JSON");
            }
            if (JsonText.object(arguments.asText()).isEmpty()) {
                throw new InvalidRequestException(param + ".arguments", param + ".arguments must be a JSON object");
            }
            ToolCall call = new ToolCall(id, name.asText(), arguments.asText());
            int last = messages.size() - 1;
            if (last >= 0 && messages.get(last).role() == Role.ASSISTANT) {
                ChatMessage before = messages.get(last);
                List<ToolCall> joined = new ArrayList<>(before.toolCalls());
                joined.add(call);
                messages.set(last, new ChatMessage(Role.ASSISTANT, before.content(), null, joined, null,
                        before.thinking()));
            } else {
                messages.add(ChatMessage.calling(List.of(), List.of(call)));
            }
        }

        /**
         * A function's result. OpenAI finds the call it answers among stored items when there are
         * some; Switchboard stores none, so the call must be in {@code input}, as OpenAI requires when
         * nothing is stored, and as every provider but OpenAI needs to pair the two.
         */
        private void output(JsonNode item, String param) {
            String id = callId(item, param);
            if (!calls.contains(id)) {
                throw new InvalidRequestException(param + ".call_id", param + ".call_id '" + id + "' answers no"
                        + " function_call item earlier in input; Switchboard is stateless, so send the call too");
            }
            JsonNode output = item.get("output");
            if (output == null || output.isNull()) {
                throw new InvalidRequestException(param + ".output", param + ".output is required");
            }
            String text;
            if (output.isTextual()) {
                text = output.asText();
            } else if (output.isArray() && !output.isEmpty()) {
                List<String> texts = new ArrayList<>();
                for (int i = 0; i < output.size(); i++) {
                    String at = param + ".output[" + i + "]";
                    JsonNode part = output.get(i);
                    if (!part.isObject() || !"input_text".equals(part.path("type").asText())) {
                        throw new InvalidRequestException(at + ".type", at + ".type must be 'input_text':"
                                + " Switchboard takes function outputs as text");
                    }
                    texts.add(((ContentPart.Text) text(part, "text", at)).text());
                }
                text = String.join("\n", texts);
            } else {
                throw new InvalidRequestException(param + ".output", param
                        + ".output must be a string or a non-empty array of input_text parts");
            }
            messages.add(ChatMessage.toolResult(id, text));
        }

        private static String callId(JsonNode item, String param) {
            JsonNode id = item.get("call_id");
            if (id == null || !id.isTextual() || id.asText().isEmpty()) {
                throw new InvalidRequestException(param + ".call_id", param + ".call_id is required: a non-empty string");
            }
            return id.asText();
        }
    }

    /** {@code tools}: function tools only, in the Responses API's flat shape. */
    private static Tools tools(JsonNode tools, JsonNode choice, JsonNode parallel) {
        if (present(parallel) && !parallel.isBoolean()) {
            throw new InvalidRequestException("parallel_tool_calls", "parallel_tool_calls must be a boolean");
        }
        Boolean parallelCalls = present(parallel) ? parallel.asBoolean() : null;
        if (!present(tools) || (tools.isArray() && tools.isEmpty())) {
            // SDKs send tools: [] and tool_choice: "auto" with no tools; only a choice that needs one is wrong.
            ToolChoice chosen = choice(choice, Tools.NONE);
            if (chosen != null && chosen.mode() != ToolChoice.Mode.AUTO && chosen.mode() != ToolChoice.Mode.NONE) {
                throw new InvalidRequestException("tool_choice", "tool_choice '" + chosen.mode().wireName()
                        + "' needs tools");
            }
            return Tools.NONE;
        }
        if (!tools.isArray() || tools.size() > MAX_TOOLS) {
            throw new InvalidRequestException("tools", "tools must be an array of at most " + MAX_TOOLS + " tools");
        }
        List<Tool> definitions = new ArrayList<>(tools.size());
        Set<String> names = new HashSet<>();
        for (int i = 0; i < tools.size(); i++) {
            Tool tool = tool(tools.get(i), "tools[" + i + "]");
            if (!names.add(tool.name())) {
                throw new InvalidRequestException("tools[" + i + "].name", "tools[" + i + "].name '" + tool.name()
                        + "' is offered twice; function names must be unique");
            }
            definitions.add(tool);
        }
        Tools offered = new Tools(definitions, null, null);
        return new Tools(definitions, choice(choice, offered), parallelCalls);
    }

    private static Tool tool(JsonNode node, String param) {
        if (!node.isObject()) {
            throw new InvalidRequestException(param, param + " must be an object");
        }
        String type = node.path("type").asText("");
        if (!type.equals("function")) {
            throw new InvalidRequestException(400, param + ".type", type.isEmpty() ? param + ".type is required"
                    : param + ".type '" + type + "' is not supported by Switchboard; only function tools are",
                    type.isEmpty() ? "invalid_request" : UNSUPPORTED);
        }
        JsonNode name = node.get("name");
        if (name == null || !name.isTextual() || !ToolParameters.NAME.matcher(name.asText()).matches()) {
            throw new InvalidRequestException(param + ".name",
                    param + ".name must be 1 to 64 letters, digits, underscores or dashes");
        }
        JsonNode description = node.get("description");
        if (present(description) && !description.isTextual()) {
            throw new InvalidRequestException(param + ".description", param + ".description must be a string");
        }
        JsonNode parameters = node.get("parameters");
        if (present(parameters) && !parameters.isObject()) {
            throw new InvalidRequestException(param + ".parameters", param + ".parameters must be a JSON Schema object");
        }
        JsonNode strict = node.get("strict");
        if (present(strict) && !strict.isBoolean()) {
            throw new InvalidRequestException(param + ".strict", param + ".strict must be a boolean");
        }
        return new Tool(name.asText(), present(description) ? description.asText() : null,
                present(parameters) ? parameters : NO_PARAMETERS, present(strict) ? strict.asBoolean() : null, null);
    }

    private static ToolChoice choice(JsonNode choice, Tools offered) {
        if (!present(choice)) {
            return null;
        }
        String expected = "tool_choice must be 'none', 'auto', 'required' or {\"type\":\"function\",\"name\":...}";
        if (choice.isTextual()) {
            return switch (choice.asText()) {
                case "auto" -> ToolChoice.AUTO;
                case "none" -> ToolChoice.NONE;
                case "required" -> ToolChoice.REQUIRED;
                default -> throw new InvalidRequestException("tool_choice", expected + "; was '" + choice.asText() + "'");
            };
        }
        if (!choice.isObject() || !"function".equals(choice.path("type").asText())) {
            throw new InvalidRequestException("tool_choice", expected);
        }
        JsonNode name = choice.get("name");
        if (name == null || !name.isTextual()) {
            throw new InvalidRequestException("tool_choice.name", "tool_choice.name must be a string");
        }
        if (offered.named(name.asText()).isEmpty()) {
            throw new InvalidRequestException("tool_choice.name",
                    "tool_choice.name '" + name.asText() + "' is not one of the tools offered");
        }
        return ToolChoice.function(name.asText());
    }

    /** The answer's format and {@code text.verbosity}. */
    private record Format(ResponseFormat format, String verbosity) {
    }

    /** {@code text}: {@code format} as {@code response_format} is for chat, in the Responses API's flat shape. */
    private static Format format(JsonNode text) {
        if (!present(text)) {
            return new Format(ResponseFormat.TEXT, null);
        }
        if (!text.isObject()) {
            throw new InvalidRequestException("text", "text must be an object");
        }
        String verbosity = null;
        JsonNode verbosityNode = text.get("verbosity");
        if (present(verbosityNode)) {
            verbosity = verbosityNode.asText();
            if (!verbosityNode.isTextual() || !VERBOSITIES.contains(verbosity)) {
                throw new InvalidRequestException("text.verbosity", "text.verbosity must be one of low, medium, high");
            }
        }
        JsonNode format = text.get("format");
        if (!present(format)) {
            return new Format(ResponseFormat.TEXT, verbosity);
        }
        if (!format.isObject()) {
            throw new InvalidRequestException("text.format", "text.format must be an object");
        }
        String type = format.path("type").asText("");
        ResponseFormat read = switch (type) {
            case "text" -> ResponseFormat.TEXT;
            case "json_object" -> ResponseFormat.JSON_OBJECT;
            case "json_schema" -> schema(format);
            default -> throw new InvalidRequestException("text.format.type",
                    "text.format.type must be 'text', 'json_object' or 'json_schema'"
                            + (type.isEmpty() ? "" : "; was '" + type + "'"));
        };
        return new Format(read, verbosity);
    }

    private static ResponseFormat schema(JsonNode format) {
        String param = "text.format";
        JsonNode name = format.get("name");
        if (name == null || !name.isTextual() || !ToolParameters.NAME.matcher(name.asText()).matches()) {
            throw new InvalidRequestException(param + ".name",
                    param + ".name must be 1 to 64 letters, digits, underscores or dashes");
        }
        JsonNode schema = format.get("schema");
        if (schema == null || !schema.isObject()) {
            throw new InvalidRequestException(param + ".schema", param + ".schema must be a JSON Schema object");
        }
        JsonNode description = format.get("description");
        if (present(description) && !description.isTextual()) {
            throw new InvalidRequestException(param + ".description", param + ".description must be a string");
        }
        JsonNode strict = format.get("strict");
        if (present(strict) && !strict.isBoolean()) {
            throw new InvalidRequestException(param + ".strict", param + ".strict must be a boolean");
        }
        return new ResponseFormat(ResponseFormat.Kind.JSON_SCHEMA, name.asText(),
                present(description) ? description.asText() : null, schema,
                present(strict) ? strict.asBoolean() : null);
    }

    /** {@code reasoning.effort} becomes chat's {@code reasoning_effort}; {@code summary} is accepted as is. */
    private static ResponseObject.Reasoning reasoning(JsonNode reasoning) {
        if (!present(reasoning)) {
            return new ResponseObject.Reasoning(null, null);
        }
        if (!reasoning.isObject()) {
            throw new InvalidRequestException("reasoning", "reasoning must be an object");
        }
        JsonNode effort = reasoning.get("effort");
        if (present(effort) && (!effort.isTextual() || !ThinkingBlocks.EFFORTS.contains(effort.asText()))) {
            throw new InvalidRequestException("reasoning.effort",
                    "reasoning.effort must be one of none, minimal, low, medium, high, xhigh");
        }
        String summary = null;
        for (String field : List.of("summary", "generate_summary")) {
            JsonNode value = reasoning.get(field);
            if (present(value)) {
                if (!value.isTextual() || !SUMMARIES.contains(value.asText())) {
                    throw new InvalidRequestException("reasoning." + field,
                            "reasoning." + field + " must be one of auto, concise, detailed");
                }
                summary = value.asText();
            }
        }
        return new ResponseObject.Reasoning(present(effort) ? effort.asText() : null, summary);
    }

    /** {@code metadata}: up to 16 string values, repeated in the response and sent nowhere else. */
    private static Map<String, String> metadata(JsonNode metadata) {
        if (!present(metadata)) {
            return Map.of();
        }
        if (!metadata.isObject() || metadata.size() > 16) {
            throw new InvalidRequestException("metadata", "metadata must be an object of at most 16 string values");
        }
        Map<String, String> read = new HashMap<>();
        var fields = metadata.fields();
        while (fields.hasNext()) {
            var field = fields.next();
            if (!field.getValue().isTextual() || field.getKey().length() > 64 || field.getValue().asText().length() > 512) {
                throw new InvalidRequestException("metadata." + field.getKey(),
                        "metadata values must be strings of at most 512 characters, keys at most 64");
            }
            read.put(field.getKey(), field.getValue().asText());
        }
        return read;
    }

    private static void checkStreamOptions(ResponsesRequest body) {
        JsonNode options = body.extra().get("stream_options");
        if (present(options) && !Boolean.TRUE.equals(body.stream())) {
            throw new InvalidRequestException("stream_options", "stream_options is only allowed when stream is true");
        }
        if (present(options) && !options.isObject()) {
            throw new InvalidRequestException("stream_options", "stream_options must be an object");
        }
    }

    private static List<ResponseObject.FunctionTool> echoTools(Tools tools) {
        return tools.definitions().stream().map(tool -> new ResponseObject.FunctionTool("function", tool.name(),
                tool.description(), tool.parameters(), tool.strict())).toList();
    }

    private static Object echoChoice(ToolChoice choice) {
        if (choice == null) {
            return "auto";
        }
        return choice.mode() == ToolChoice.Mode.FUNCTION ? new ResponseObject.FunctionChoice("function", choice.function())
                : choice.mode().wireName();
    }

    private static ResponseObject.Format echoFormat(ResponseFormat format) {
        return switch (format.kind()) {
            case TEXT -> ResponseObject.Format.TEXT;
            case JSON_OBJECT -> new ResponseObject.Format("json_object", null, null, null, null);
            case JSON_SCHEMA -> new ResponseObject.Format("json_schema", format.name(), format.description(),
                    format.schema(), format.strict());
        };
    }

    private static void checkBoolean(String param, JsonNode value) {
        if (present(value) && !value.isBoolean()) {
            throw new InvalidRequestException(param, param + " must be a boolean");
        }
    }

    private static void checkRange(String param, Double value, double min, double max) {
        if (value != null && (value < min || value > max || value.isNaN())) {
            throw new InvalidRequestException(param, param + " must be between " + (int) min + " and " + (int) max
                    + ", was " + value);
        }
    }

    private static boolean present(JsonNode node) {
        return ToolParameters.present(node);
    }
}
