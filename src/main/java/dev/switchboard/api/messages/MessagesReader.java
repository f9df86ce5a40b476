package dev.switchboard.api.messages;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;

import dev.switchboard.api.ContentParts;
import dev.switchboard.chat.CacheHint;
import dev.switchboard.chat.ChatMessage;
import dev.switchboard.chat.ChatRequest;
import dev.switchboard.chat.ContentPart;
import dev.switchboard.chat.ImageSource;
import dev.switchboard.chat.InvalidRequestException;
import dev.switchboard.chat.Parameters;
import dev.switchboard.chat.ResponseFormat;
import dev.switchboard.chat.Role;
import dev.switchboard.chat.ThinkingBlock;
import dev.switchboard.chat.Tool;
import dev.switchboard.chat.ToolCall;
import dev.switchboard.chat.ToolChoice;
import dev.switchboard.chat.Tools;

/**
 * Reads a body of Anthropic's Messages API ({@code POST /v1/messages}) into the gateway's
 * provider-independent {@link ChatRequest}, refusing what is malformed with a message that names
 * the field as Anthropic's API names it. Blocks become the conversation's parts: {@code tool_use}
 * blocks an assistant turn's tool calls, each {@code tool_result} a tool message (ahead of the
 * rest of its user turn, as Anthropic requires them first), {@code thinking} and
 * {@code redacted_thinking} the turn's reasoning, and {@code cache_control} each part's cache hint.
 * Nothing here calls a provider.
 */
public final class MessagesReader {

    /** A Messages request, read: the conversation, and what routing and the reply need besides. */
    public record MessagesCall(String model, List<String> fallbacks, boolean stream, ChatRequest request) {
    }

    static final int MAX_TOOLS = 128;
    static final Pattern TOOL_NAME = Pattern.compile("[a-zA-Z0-9_-]{1,128}");
    /** Anthropic's smallest thinking budget. */
    static final int MIN_THINKING_BUDGET = 1024;
    private static final Set<String> KNOWN = Set.of("model", "max_tokens", "messages", "system", "stop_sequences",
            "stream", "temperature", "top_p", "top_k", "metadata", "tools", "tool_choice", "thinking", "output_format",
            "output_config", "fallbacks");
    /**
     * Fields that tune where or how fast Anthropic serves a request, or what it logs, without changing
     * the answer: taken and left out, as other providers have no equivalent. A top-level
     * {@code cache_control} (automatic caching) is only a saving, so the same.
     */
    private static final Set<String> DROPPED = Set.of("service_tier", "inference_geo", "speed", "diagnostics",
            "user_profile_id", "workspace_id", "cache_control");
    private static final Pattern BETA = Pattern.compile("[A-Za-z0-9._-]+( *, *[A-Za-z0-9._-]+)*");

    private final ContentParts parts;

    public MessagesReader(long maxImageBytes) {
        this.parts = new ContentParts(maxImageBytes);
    }

    /**
     * @param beta the request's {@code anthropic-beta} header, or null; passed on to Anthropic routes
     */
    public MessagesCall read(JsonNode body, String beta) {
        if (body == null || !body.isObject()) {
            throw bad(null, "The request body must be a JSON object");
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (KNOWN.contains(name) || DROPPED.contains(name)) {
                continue;
            }
            if (name.equals("mcp_servers") || name.equals("container") || name.equals("context_management")) {
                throw new InvalidRequestException(400, name, name + " is not supported by Switchboard: it needs"
                        + " Anthropic's servers to run tools or keep state", "unsupported_parameter");
            }
            throw bad(name, name + ": Extra inputs are not permitted");
        }
        String model = text(body.get("model"), "model", true);
        JsonNode max = body.get("max_tokens");
        if (max == null || max.isNull()) {
            throw bad("max_tokens", "max_tokens: Field required");
        }
        int maxTokens = positiveInt(max, "max_tokens", 1);
        List<ChatMessage> messages = new ArrayList<>();
        system(body.get("system"), messages, "system");
        conversation(body.get("messages"), messages);
        Tools tools = tools(body.get("tools"), body.get("tool_choice"));
        Map<String, JsonNode> extra = new TreeMap<>();
        thinking(body.get("thinking"), maxTokens, extra);
        if (present(body.get("top_k"))) {
            extra.put(Parameters.TOP_K, IntNode.valueOf(positiveInt(body.get("top_k"), "top_k", 0)));
        }
        ChatRequest request = new ChatRequest(messages, number(body.get("temperature"), "temperature", 0, 1),
                number(body.get("top_p"), "top_p", 0, 1), maxTokens, strings(body.get("stop_sequences"), "stop_sequences"),
                null, user(body.get("metadata")), extra, tools, format(body), beta(beta));
        return new MessagesCall(model, strings(body.get("fallbacks"), "fallbacks"), bool(body.get("stream"), "stream"),
                request);
    }

    private static String beta(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        if (header.length() > 1024 || !BETA.matcher(header.trim()).matches()) {
            throw new InvalidRequestException(400, "anthropic-beta",
                    "Header anthropic-beta must be a comma-separated list of beta names", "invalid_header");
        }
        return header.trim();
    }

    /** The system prompt, a string or text blocks, as system messages first. */
    private void system(JsonNode system, List<ChatMessage> messages, String at) {
        if (!present(system)) {
            return;
        }
        if (system.isTextual()) {
            messages.add(ChatMessage.of(Role.SYSTEM, system.asText()));
            return;
        }
        if (!system.isArray()) {
            throw bad(at, at + " must be a string or an array of text blocks");
        }
        List<ContentPart> texts = new ArrayList<>();
        for (int i = 0; i < system.size(); i++) {
            String param = at + "." + i;
            JsonNode block = object(system.get(i), param);
            if (!"text".equals(block.path("type").asText())) {
                throw bad(param + ".type", param + ".type must be 'text'");
            }
            texts.add(new ContentPart.Text(text(block.get("text"), param + ".text", false), cache(block, param)));
        }
        if (!texts.isEmpty()) {
            messages.add(new ChatMessage(Role.SYSTEM, texts, null, List.of(), null));
        }
    }

    private void conversation(JsonNode turns, List<ChatMessage> messages) {
        if (turns == null || turns.isNull()) {
            throw bad("messages", "messages: Field required");
        }
        if (!turns.isArray() || turns.isEmpty()) {
            throw bad("messages", "messages must be a non-empty array");
        }
        for (int i = 0; i < turns.size(); i++) {
            String param = "messages." + i;
            JsonNode turn = object(turns.get(i), param);
            String role = turn.path("role").asText("");
            JsonNode content = turn.get("content");
            if (content == null || content.isNull()) {
                throw bad(param + ".content", param + ".content: Field required");
            }
            switch (role) {
                case "user" -> user(content, param + ".content", messages);
                case "assistant" -> messages.add(assistant(content, param + ".content"));
                case "system" -> system(content, messages, param + ".content");
                default -> throw bad(param + ".role", param + ".role must be 'user', 'assistant' or 'system'");
            }
        }
    }

    /** A user turn: its tool results first, each as a tool message, then its own words and images. */
    private void user(JsonNode content, String param, List<ChatMessage> messages) {
        if (content.isTextual()) {
            messages.add(ChatMessage.of(Role.USER, content.asText()));
            return;
        }
        List<ContentPart> own = new ArrayList<>();
        for (int i = 0; i < blocks(content, param).size(); i++) {
            String at = param + "." + i;
            JsonNode block = object(content.get(i), at);
            String type = block.path("type").asText("");
            switch (type) {
                case "text" -> own.add(new ContentPart.Text(text(block.get("text"), at + ".text", false), cache(block, at)));
                case "image" -> own.add(image(block, at));
                case "tool_result" -> messages.add(toolResult(block, at, messages));
                default -> throw unsupportedBlock(type, at, "a user turn");
            }
        }
        if (!own.isEmpty()) {
            messages.add(new ChatMessage(Role.USER, own, null, List.of(), null));
        }
    }

    private ChatMessage toolResult(JsonNode block, String param, List<ChatMessage> before) {
        String id = text(block.get("tool_use_id"), param + ".tool_use_id", true);
        // Every provider needs the call a result answers (Gemini names the result after it).
        if (before.stream().noneMatch(message -> message.call(id).isPresent())) {
            throw bad(param + ".tool_use_id", param + ".tool_use_id '" + id
                    + "' answers no tool_use block of an earlier assistant turn");
        }
        JsonNode content = block.get("content");
        List<ContentPart> result = new ArrayList<>();
        CacheHint cache = cache(block, param);
        if (!present(content)) {
            result.add(new ContentPart.Text("", cache));
        } else if (content.isTextual()) {
            result.add(new ContentPart.Text(content.asText(), cache));
        } else {
            for (int i = 0; i < blocks(content, param + ".content").size(); i++) {
                String at = param + ".content." + i;
                JsonNode part = object(content.get(i), at);
                String type = part.path("type").asText("");
                switch (type) {
                    case "text" -> result.add(new ContentPart.Text(text(part.get("text"), at + ".text", false),
                            cache(part, at)));
                    case "image" -> result.add(image(part, at));
                    default -> throw unsupportedBlock(type, at, "a tool result");
                }
            }
        }
        if (present(block.get("is_error")) && !block.get("is_error").isBoolean()) {
            throw bad(param + ".is_error", param + ".is_error must be a boolean");
        }
        return new ChatMessage(Role.TOOL, result, null, List.of(), id);
    }

    /** An assistant turn: its reasoning, its words and its tool calls, in order. */
    private ChatMessage assistant(JsonNode content, String param) {
        if (content.isTextual()) {
            return ChatMessage.of(Role.ASSISTANT, content.asText());
        }
        List<ContentPart> texts = new ArrayList<>();
        List<ToolCall> calls = new ArrayList<>();
        List<ThinkingBlock> thinking = new ArrayList<>();
        for (int i = 0; i < blocks(content, param).size(); i++) {
            String at = param + "." + i;
            JsonNode block = object(content.get(i), at);
            String type = block.path("type").asText("");
            switch (type) {
                case "text" -> texts.add(new ContentPart.Text(text(block.get("text"), at + ".text", false), cache(block, at)));
                case "tool_use" -> {
                    JsonNode input = block.get("input");
                    if (input == null || !input.isObject()) {
                        throw bad(at + ".input", at + ".input must be an object");
                    }
                    calls.add(new ToolCall(text(block.get("id"), at + ".id", true),
                            toolName(block.get("name"), at + ".name"), input.toString()));
                }
                case "thinking" -> {
                    // Unsigned when another provider thought it; Anthropic's translator leaves those out.
                    String signature = present(block.get("signature"))
                            ? text(block.get("signature"), at + ".signature", false) : "";
                    thinking.add(new ThinkingBlock(text(block.get("thinking"), at + ".thinking", false),
                            signature.isEmpty() ? null : signature, null));
                }
                case "redacted_thinking" -> thinking.add(new ThinkingBlock("", null,
                        text(block.get("data"), at + ".data", true)));
                default -> throw unsupportedBlock(type, at, "an assistant turn");
            }
        }
        return new ChatMessage(Role.ASSISTANT, texts, null, calls, null, thinking);
    }

    private ContentPart.Image image(JsonNode block, String param) {
        JsonNode source = object(block.get("source"), param + ".source");
        String type = source.path("type").asText("");
        ImageSource image;
        if (type.equals("base64")) {
            image = parts.inline(text(source.get("media_type"), param + ".source.media_type", true),
                    text(source.get("data"), param + ".source.data", true), param + ".source");
        } else if (type.equals("url")) {
            String url = text(source.get("url"), param + ".source.url", true);
            if (!url.startsWith("https://") && !url.startsWith("http://")) {
                throw bad(param + ".source.url", param + ".source.url must be an http(s) URL");
            }
            image = new ImageSource.Remote(url);
        } else {
            throw bad(param + ".source.type", param + ".source.type must be 'base64' or 'url'");
        }
        return new ContentPart.Image(image, null, cache(block, param));
    }

    private Tools tools(JsonNode tools, JsonNode choice) {
        List<Tool> definitions = new ArrayList<>();
        if (present(tools)) {
            if (!tools.isArray()) {
                throw bad("tools", "tools must be an array");
            }
            if (tools.size() > MAX_TOOLS) {
                throw bad("tools", "tools may offer at most " + MAX_TOOLS + " tools");
            }
            for (int i = 0; i < tools.size(); i++) {
                String param = "tools." + i;
                JsonNode tool = object(tools.get(i), param);
                String type = tool.path("type").asText("custom");
                if (!type.equals("custom")) {
                    throw new InvalidRequestException(400, param + ".type", param + ".type '" + type
                            + "' is a server tool, which Switchboard does not run; only client tools (with an"
                            + " input_schema) are supported", "unsupported_parameter");
                }
                String name = toolName(tool.get("name"), param + ".name");
                if (definitions.stream().anyMatch(known -> known.name().equals(name))) {
                    throw bad(param + ".name", param + ".name '" + name + "' is offered twice");
                }
                JsonNode schema = tool.get("input_schema");
                if (schema == null || !schema.isObject()) {
                    throw bad(param + ".input_schema", param + ".input_schema must be a JSON Schema object");
                }
                JsonNode description = tool.get("description");
                if (present(description) && !description.isTextual()) {
                    throw bad(param + ".description", param + ".description must be a string");
                }
                definitions.add(new Tool(name, present(description) ? description.asText() : null, schema,
                        present(tool.get("strict")) ? bool(tool.get("strict"), param + ".strict") : null,
                        cache(tool, param)));
            }
        }
        if (!present(choice)) {
            return definitions.isEmpty() ? Tools.NONE : new Tools(definitions, null, null);
        }
        JsonNode spec = object(choice, "tool_choice");
        Boolean parallel = present(spec.get("disable_parallel_tool_use"))
                ? !bool(spec.get("disable_parallel_tool_use"), "tool_choice.disable_parallel_tool_use") : null;
        String type = spec.path("type").asText("");
        ToolChoice mode = switch (type) {
            case "auto" -> ToolChoice.AUTO;
            case "any" -> ToolChoice.REQUIRED;
            case "none" -> ToolChoice.NONE;
            case "tool" -> {
                String name = toolName(spec.get("name"), "tool_choice.name");
                if (definitions.stream().noneMatch(tool -> tool.name().equals(name))) {
                    throw bad("tool_choice.name", "tool_choice.name '" + name + "' is not one of the tools offered");
                }
                yield ToolChoice.function(name);
            }
            default -> throw bad("tool_choice.type", "tool_choice.type must be 'auto', 'any', 'tool' or 'none'");
        };
        if (definitions.isEmpty() && mode != ToolChoice.NONE && mode != ToolChoice.AUTO) {
            throw bad("tool_choice", "tool_choice requires tools");
        }
        return new Tools(definitions, mode, parallel);
    }

    /** {@code thinking}: a budget of tokens, as the reasoning effort every provider's translator reads. */
    private static void thinking(JsonNode thinking, int maxTokens, Map<String, JsonNode> extra) {
        if (!present(thinking)) {
            return;
        }
        JsonNode spec = object(thinking, "thinking");
        String type = spec.path("type").asText("");
        if (type.equals("disabled")) {
            extra.put(Parameters.REASONING_EFFORT, TextNode.valueOf("none"));
            return;
        }
        if (type.equals("adaptive")) {
            // The model decides how long to think: a medium budget wherever a budget must be given.
            extra.put(Parameters.REASONING_EFFORT, TextNode.valueOf("medium"));
            return;
        }
        if (!type.equals("enabled")) {
            throw bad("thinking.type", "thinking.type must be 'enabled', 'adaptive' or 'disabled'");
        }
        JsonNode budget = spec.get("budget_tokens");
        if (budget == null || budget.isNull()) {
            throw bad("thinking.budget_tokens", "thinking.budget_tokens: Field required");
        }
        int tokens = positiveInt(budget, "thinking.budget_tokens", MIN_THINKING_BUDGET);
        if (tokens >= maxTokens) {
            throw bad("thinking.budget_tokens", "thinking.budget_tokens must be less than max_tokens");
        }
        extra.put(Parameters.REASONING_EFFORT, IntNode.valueOf(tokens));
    }

    /**
     * Structured outputs: {@code output_config.format} or the beta's {@code output_format}, a JSON
     * Schema the answer must follow.
     */
    private static ResponseFormat format(JsonNode body) {
        JsonNode config = body.get("output_config");
        String param = "output_config.format";
        JsonNode format = null;
        if (present(config)) {
            for (Iterator<String> names = object(config, "output_config").fieldNames(); names.hasNext();) {
                String name = names.next();
                if (!name.equals("format")) {
                    throw new InvalidRequestException(400, "output_config." + name, "output_config." + name
                            + " is not supported by Switchboard", "unsupported_parameter");
                }
            }
            format = config.get("format");
        }
        if (present(body.get("output_format"))) {
            format = body.get("output_format");
            param = "output_format";
        }
        if (!present(format)) {
            return ResponseFormat.TEXT;
        }
        JsonNode spec = object(format, param);
        if (!"json_schema".equals(spec.path("type").asText())) {
            throw bad(param + ".type", param + ".type must be 'json_schema'");
        }
        JsonNode schema = spec.get("schema");
        if (schema == null || !schema.isObject()) {
            throw bad(param + ".schema", param + ".schema must be a JSON Schema object");
        }
        return new ResponseFormat(ResponseFormat.Kind.JSON_SCHEMA, "output", null, schema, true);
    }

    private static String user(JsonNode metadata) {
        if (!present(metadata)) {
            return null;
        }
        JsonNode id = object(metadata, "metadata").get("user_id");
        return present(id) ? text(id, "metadata.user_id", false) : null;
    }

    private static CacheHint cache(JsonNode block, String param) {
        return ContentParts.cacheHint(block.get("cache_control"), param + ".cache_control");
    }

    private static String toolName(JsonNode name, String param) {
        String value = text(name, param, true);
        if (!TOOL_NAME.matcher(value).matches()) {
            throw bad(param, param + " must match ^[a-zA-Z0-9_-]{1,128}$");
        }
        return value;
    }

    private static InvalidRequestException unsupportedBlock(String type, String param, String where) {
        if (type.isEmpty()) {
            return bad(param + ".type", param + ".type: Field required");
        }
        return new InvalidRequestException(400, param + ".type", param + ".type '" + type
                + "' is not supported in " + where + " by Switchboard", "unsupported_parameter");
    }

    private static JsonNode blocks(JsonNode content, String param) {
        if (!content.isArray() || content.isEmpty()) {
            throw bad(param, param + " must be a string or a non-empty array of content blocks");
        }
        return content;
    }

    private static JsonNode object(JsonNode node, String param) {
        if (node == null || !node.isObject()) {
            throw bad(param, param + " must be an object");
        }
        return node;
    }

    private static String text(JsonNode node, String param, boolean nonEmpty) {
        if (node == null || node.isNull()) {
            throw bad(param, param + ": Field required");
        }
        if (!node.isTextual()) {
            throw bad(param, param + " must be a string");
        }
        if (nonEmpty && node.asText().isBlank()) {
            throw bad(param, param + " must not be empty");
        }
        return node.asText();
    }

    private static int positiveInt(JsonNode node, String param, int least) {
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < least) {
            throw bad(param, param + " must be an integer of at least " + least);
        }
        return node.intValue();
    }

    private static Double number(JsonNode node, String param, double least, double most) {
        if (!present(node)) {
            return null;
        }
        if (!node.isNumber() || node.doubleValue() < least || node.doubleValue() > most) {
            throw bad(param, param + " must be a number from " + least + " to " + most);
        }
        return node.doubleValue();
    }

    private static boolean bool(JsonNode node, String param) {
        if (!present(node)) {
            return false;
        }
        if (!node.isBoolean()) {
            throw bad(param, param + " must be a boolean");
        }
        return node.booleanValue();
    }

    private static List<String> strings(JsonNode node, String param) {
        if (!present(node)) {
            return null;
        }
        if (!node.isArray()) {
            throw bad(param, param + " must be an array of strings");
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            values.add(text(node.get(i), param + "." + i, true));
        }
        return values;
    }

    private static boolean present(JsonNode node) {
        return node != null && !node.isNull();
    }

    private static InvalidRequestException bad(String param, String message) {
        return new InvalidRequestException(param, message);
    }
}
