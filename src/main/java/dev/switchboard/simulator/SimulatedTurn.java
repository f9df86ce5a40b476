package dev.switchboard.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a simulated model does with a request, whatever the provider's format: call a tool when tools
 * are offered (the forced one, else the first) and the conversation does not end with a tool's result;
 * else answer in text, as JSON when JSON was asked for. Each provider's reader fills in what its
 * request says ({@link Asked}); the answer is then written in that provider's wire format.
 */
record SimulatedTurn(String text, Optional<Call> call, Optional<String> thinking) {

    /** The signature a simulated thinking block carries, as Anthropic signs every block. */
    static final String SIGNATURE = "c2ltdWxhdGVkLXNpZ25hdHVyZQ";

    SimulatedTurn(String text, Optional<Call> call) {
        this(text, call, Optional.empty());
    }

    /** The same turn, thought about first when the request asked for reasoning. */
    SimulatedTurn thought(boolean asked, String said) {
        return asked ? new SimulatedTurn(text, call, Optional.of("The caller said \"" + said
                + "\"; a simulated model thinks briefly before it answers.")) : this;
    }

    /** A tool call: the function and its arguments as a JSON object. */
    record Call(String name, ObjectNode arguments) {
    }

    /**
     * What a request asks of the model, read from any provider's format.
     *
     * @param tools       the offered functions' names and parameter schemas, in order
     * @param forced      the function the request forces, if any
     * @param toolsBanned whether the request forbids tool calls ({@code tool_choice: none})
     * @param toolResult  the text of the tool result the conversation ends with, if it does
     * @param json        whether the answer must be JSON, and the schema it follows if one was given
     * @param reasoning   whether the request asks to see the model's reasoning (Anthropic's thinking,
     *                    Gemini's thoughts; OpenAI shows none)
     */
    record Asked(List<Tool> tools, Optional<String> forced, boolean toolsBanned, Optional<String> toolResult,
            boolean json, Optional<JsonNode> schema, boolean reasoning) {
    }

    record Tool(String name, JsonNode parameters) {
    }

    /** A plain question: no tools, no format. */
    static final Asked PLAIN = new Asked(List.of(), Optional.empty(), false, Optional.empty(), false, Optional.empty(),
            false);

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int ARGUMENT_LIMIT = 60;

    /** What an OpenAI-format request asks: {@code tools}, {@code tool_choice}, a final {@code tool} message, {@code response_format}. */
    static Asked fromOpenAi(JsonNode body) {
        List<Tool> tools = new ArrayList<>();
        body.path("tools").forEach(tool -> tools.add(new Tool(tool.path("function").path("name").asText(),
                tool.path("function").path("parameters"))));
        JsonNode choice = body.path("tool_choice");
        JsonNode messages = body.path("messages");
        JsonNode last = messages.path(messages.size() - 1);
        Optional<String> result = "tool".equals(last.path("role").asText()) ? Optional.of(text(last.path("content")))
                : Optional.empty();
        JsonNode format = body.path("response_format");
        String type = format.path("type").asText("text");
        return new Asked(tools, Optional.ofNullable(choice.path("function").path("name").textValue()),
                "none".equals(choice.asText()), result, !type.equals("text"),
                Optional.of(format.path("json_schema").path("schema")).filter(JsonNode::isObject), false);
    }

    /**
     * What a Messages request asks: {@code tools}, {@code tool_choice}, a last user turn of
     * {@code tool_result}s, {@code output_config.format} or the gateway's JSON instruction.
     */
    static Asked fromAnthropic(JsonNode body, String jsonInstruction) {
        List<Tool> tools = new ArrayList<>();
        body.path("tools").forEach(tool -> tools.add(new Tool(tool.path("name").asText(), tool.path("input_schema"))));
        JsonNode choice = body.path("tool_choice");
        JsonNode messages = body.path("messages");
        StringBuilder results = new StringBuilder();
        messages.path(messages.size() - 1).path("content").forEach(block -> {
            if ("tool_result".equals(block.path("type").asText())) {
                results.append(text(block.path("content")));
            }
        });
        JsonNode schema = body.path("output_config").path("format").path("schema");
        boolean json = schema.isObject() || text(body.path("system")).contains(jsonInstruction);
        return new Asked(tools, Optional.ofNullable("tool".equals(choice.path("type").asText()) ? choice.path("name").asText() : null),
                "none".equals(choice.path("type").asText()), results.isEmpty() ? Optional.empty() : Optional.of(results.toString()),
                json, Optional.of(schema).filter(JsonNode::isObject), "enabled".equals(body.path("thinking").path("type").asText()));
    }

    /**
     * What a generateContent request asks: {@code functionDeclarations}, {@code toolConfig}, a last
     * turn of {@code functionResponse}s, {@code responseMimeType} and {@code responseSchema}.
     */
    static Asked fromGemini(JsonNode body) {
        List<Tool> tools = new ArrayList<>();
        body.path("tools").forEach(tool -> tool.path("functionDeclarations").forEach(function ->
                tools.add(new Tool(function.path("name").asText(), function.path("parameters")))));
        JsonNode calling = body.path("toolConfig").path("functionCallingConfig");
        JsonNode contents = body.path("contents");
        StringBuilder results = new StringBuilder();
        contents.path(contents.size() - 1).path("parts").forEach(part -> {
            if (part.has("functionResponse")) {
                results.append(part.path("functionResponse").path("response"));
            }
        });
        JsonNode config = body.path("generationConfig");
        return new Asked(tools, Optional.ofNullable(calling.path("allowedFunctionNames").path(0).textValue()),
                "NONE".equals(calling.path("mode").asText()), results.isEmpty() ? Optional.empty() : Optional.of(results.toString()),
                "application/json".equals(config.path("responseMimeType").asText()),
                Optional.of(config.path("responseSchema")).filter(JsonNode::isObject),
                config.path("thinkingConfig").path("includeThoughts").asBoolean(false));
    }

    /** A content that is a string, or parts whose texts are joined. */
    static String text(JsonNode content) {
        if (content.isTextual()) {
            return content.asText();
        }
        StringBuilder joined = new StringBuilder();
        content.forEach(part -> joined.append(part.path("text").asText("")));
        return joined.toString();
    }

    /**
     * @param said the caller's last words, which a tool call's string arguments repeat
     * @param text the canned answer, as the simulator gives it to a plain question
     */
    static SimulatedTurn decide(Asked asked, String said, String text) {
        return answer(asked, said, text).thought(asked.reasoning(), said);
    }

    private static SimulatedTurn answer(Asked asked, String said, String text) {
        if (!asked.tools().isEmpty() && !asked.toolsBanned() && asked.toolResult().isEmpty()) {
            Tool tool = asked.forced().flatMap(name -> asked.tools().stream().filter(t -> t.name().equals(name)).findFirst())
                    .orElse(asked.tools().get(0));
            return new SimulatedTurn("", Optional.of(new Call(tool.name(), example(tool.parameters(), said))));
        }
        String answer = asked.toolResult().map(result -> text + " The tool answered: " + result).orElse(text);
        if (asked.json()) {
            return new SimulatedTurn(asked.schema().map(schema -> example(schema, answer)).orElseGet(
                    () -> NODES.objectNode().put("answer", answer)).toString(), Optional.empty());
        }
        return new SimulatedTurn(answer, Optional.empty());
    }

    /**
     * An object that follows the schema's top level: every required property (every property when none
     * is required) with a value of its type, strings from the answer. Deeper rules are not kept.
     */
    static ObjectNode example(JsonNode schema, String text) {
        ObjectNode value = NODES.objectNode();
        JsonNode properties = schema.path("properties");
        List<String> names = new ArrayList<>();
        schema.path("required").forEach(name -> names.add(name.asText()));
        if (names.isEmpty()) {
            properties.fieldNames().forEachRemaining(names::add);
        }
        for (String name : names) {
            JsonNode property = properties.path(name);
            JsonNode options = property.path("enum");
            String type = property.path("type").isArray() ? property.path("type").path(0).asText("string")
                    : property.path("type").asText("string").toLowerCase(Locale.ROOT);
            if (options.isArray() && !options.isEmpty()) {
                value.set(name, options.get(0));
            } else {
                switch (type) {
                    case "integer", "number" -> value.put(name, 1);
                    case "boolean" -> value.put(name, true);
                    case "array" -> value.putArray(name);
                    case "object" -> value.set(name, example(property, text));
                    default -> value.put(name, text.length() > ARGUMENT_LIMIT ? text.substring(0, ARGUMENT_LIMIT) : text);
                }
            }
        }
        return value;
    }
}
