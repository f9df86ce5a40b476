package dev.switchboard.provider.openai;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.switchboard.chat.ChatMessage;
import dev.switchboard.chat.ContentPart;
import dev.switchboard.chat.ChatRequest;
import dev.switchboard.chat.ReasoningEffort;
import dev.switchboard.chat.Parameters;
import dev.switchboard.chat.ChatResult;
import dev.switchboard.chat.FinishReason;
import dev.switchboard.chat.ResponseFormat;
import dev.switchboard.chat.Role;
import dev.switchboard.chat.ThinkingBlock;
import dev.switchboard.chat.Tool;
import dev.switchboard.chat.ToolCall;
import dev.switchboard.chat.ToolCallIds;
import dev.switchboard.chat.ToolChoice;
import dev.switchboard.chat.Tools;
import dev.switchboard.chat.Usage;
import dev.switchboard.provider.ProviderFailure;
import dev.switchboard.provider.ProviderId;
import dev.switchboard.provider.ProviderType;

/**
 * Switchboard's request to and from the OpenAI Chat Completions format. Pure: the same input
 * always gives the same output, so a retry re-sends exactly what the first attempt sent.
 */
public final class OpenAiTranslator {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private OpenAiTranslator() {
    }

    /**
     * @param dialect OpenAI itself, or a compatible server (vLLM, Ollama...), which gets the
     *                widely supported {@code max_tokens} and {@code system} in place of the newer
     *                {@code max_completion_tokens} and {@code developer}
     */
    public static ObjectNode toOpenAi(ChatRequest request, String model, ProviderType dialect) {
        boolean official = dialect == ProviderType.OPENAI;
        ObjectNode body = NODES.objectNode();
        body.put("model", model);
        ArrayNode messages = body.putArray("messages");
        for (ChatMessage message : request.messages()) {
            messages.add(message(message, official));
        }
        if (request.temperature() != null) {
            body.put("temperature", request.temperature());
        }
        if (request.topP() != null) {
            body.put("top_p", request.topP());
        }
        if (request.maxTokens() != null) {
            body.put(official ? "max_completion_tokens" : "max_tokens", request.maxTokens());
        }
        if (!request.stop().isEmpty()) {
            ArrayNode stop = body.putArray("stop");
            request.stop().forEach(stop::add);
        }
        if (request.seed() != null) {
            body.put("seed", request.seed());
        }
        if (request.user() != null) {
            body.put("user", request.user());
        }
        tools(request.tools(), body);
        format(request.format(), body);
        for (Map.Entry<String, JsonNode> extra : request.extraParams().entrySet()) {
            body.set(extra.getKey(), extra.getValue().deepCopy());
        }
        if (body.has(Parameters.REASONING_EFFORT)) {
            // A Messages API caller's budget of tokens, as the effort OpenAI names.
            body.set(Parameters.REASONING_EFFORT, ReasoningEffort.level(body.get(Parameters.REASONING_EFFORT)));
        }
        return body;
    }

    private static ObjectNode message(ChatMessage message, boolean official) {
        ObjectNode node = NODES.objectNode();
        Role role = message.role() == Role.DEVELOPER && !official ? Role.SYSTEM : message.role();
        node.put("role", role.wireName());
        List<ContentPart> parts = message.content();
        if (parts.isEmpty()) {
            node.putNull("content");
        } else if (parts.size() == 1 && parts.get(0) instanceof ContentPart.Text text) {
            node.put("content", text.text());
        } else {
            ArrayNode content = node.putArray("content");
            parts.forEach(part -> content.add(part(part)));
        }
        if (message.name() != null) {
            node.put("name", message.name());
        }
        if (!message.toolCalls().isEmpty()) {
            ArrayNode calls = node.putArray("tool_calls");
            for (ToolCall call : message.toolCalls()) {
                ObjectNode wire = calls.addObject().put("id", ToolCallIds.fitted(call.id())).put("type", "function");
                wire.putObject("function").put("name", call.name()).put("arguments", call.arguments());
            }
        }
        if (message.toolCallId() != null) {
            node.put("tool_call_id", ToolCallIds.fitted(message.toolCallId()));
        }
        return node;
    }

    /** Cache hints are left out: OpenAI caches prompts on its own and refuses fields it does not know. */
    private static ObjectNode part(ContentPart part) {
        if (part instanceof ContentPart.Image image) {
            ObjectNode node = NODES.objectNode().put("type", "image_url");
            ObjectNode url = node.putObject("image_url").put("url", image.source().asUrl());
            if (image.detail() != null) {
                url.put("detail", image.detail());
            }
            return node;
        }
        return NODES.objectNode().put("type", "text").put("text", ((ContentPart.Text) part).text());
    }

    private static void tools(Tools tools, ObjectNode body) {
        if (!tools.offered()) {
            return;
        }
        ArrayNode definitions = body.putArray("tools");
        for (Tool tool : tools.definitions()) {
            ObjectNode function = definitions.addObject().put("type", "function").putObject("function");
            function.put("name", tool.name());
            if (tool.description() != null) {
                function.put("description", tool.description());
            }
            function.set("parameters", tool.parameters().deepCopy());
            if (tool.strict() != null) {
                function.put("strict", tool.strict());
            }
        }
        ToolChoice choice = tools.choice();
        if (choice != null && choice.mode() == ToolChoice.Mode.FUNCTION) {
            body.putObject("tool_choice").put("type", "function").putObject("function").put("name", choice.function());
        } else if (choice != null) {
            body.put("tool_choice", choice.mode().wireName());
        }
        if (tools.parallel() != null) {
            body.put("parallel_tool_calls", tools.parallel());
        }
    }

    private static void format(ResponseFormat format, ObjectNode body) {
        switch (format.kind()) {
            case TEXT -> {
                // The default: nothing to ask for.
            }
            case JSON_OBJECT -> body.putObject("response_format").put("type", "json_object");
            case JSON_SCHEMA -> {
                ObjectNode spec = body.putObject("response_format").put("type", "json_schema").putObject("json_schema");
                spec.put("name", format.name());
                if (format.description() != null) {
                    spec.put("description", format.description());
                }
                if (format.schema() != null) {
                    spec.set("schema", format.schema().deepCopy());
                }
                if (format.strict() != null) {
                    spec.put("strict", format.strict());
                }
            }
        }
    }

    public static ChatResult fromOpenAi(OpenAiChatResponse response, ProviderId provider) {
        if (response == null || response.choices() == null || response.choices().isEmpty()) {
            throw malformed(provider, "no choices in the response");
        }
        OpenAiChatResponse.Choice choice = response.choices().get(0);
        if (choice == null || choice.message() == null) {
            throw malformed(provider, "choices[0].message is missing");
        }
        OpenAiChatResponse.Message message = choice.message();
        FinishReason finish = FinishReason.fromWire(choice.finishReason());
        List<ToolCall> calls = toolCalls(message.toolCalls(), provider);
        String content = message.content();
        if (content == null && !calls.isEmpty()) {
            content = "";
        } else if (content == null) {
            if (message.refusal() == null) {
                throw malformed(provider, "choices[0].message has neither content, tool calls nor refusal");
            }
            content = message.refusal();
            finish = FinishReason.CONTENT_FILTER;
        }
        if (response.model() == null) {
            throw malformed(provider, "model is missing");
        }
        JsonNode logprobs = choice.logprobs() == null || choice.logprobs().isNull() ? null : choice.logprobs();
        List<ThinkingBlock> thinking = message.reasoningContent() == null || message.reasoningContent().isEmpty()
                ? List.of() : List.of(ThinkingBlock.text(message.reasoningContent()));
        return new ChatResult(response.id(), response.model(), content, finish, usage(response.usage()), calls, logprobs,
                thinking);
    }

    private static List<ToolCall> toolCalls(List<OpenAiChatResponse.ToolCall> wire, ProviderId provider) {
        if (wire == null || wire.isEmpty()) {
            return List.of();
        }
        List<ToolCall> calls = new ArrayList<>(wire.size());
        for (int i = 0; i < wire.size(); i++) {
            OpenAiChatResponse.ToolCall call = wire.get(i);
            if (call == null || call.id() == null || call.function() == null || call.function().name() == null) {
                throw malformed(provider, "choices[0].message.tool_calls[" + i + "] has no id or function name");
            }
            String arguments = call.function().arguments();
            calls.add(new ToolCall(call.id(), call.function().name(), arguments == null ? "{}" : arguments));
        }
        return calls;
    }

    private static Usage usage(OpenAiChatResponse.Usage usage) {
        if (usage == null) {
            return Usage.NONE;
        }
        return usage.counted();
    }


    private static ProviderFailure malformed(ProviderId provider, String what) {
        return new ProviderFailure.MalformedResponse(provider, "response is not a chat completion: " + what, null);
    }
}
