package dev.switchboard.provider.openai;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.switchboard.chat.ChatMessage;
import dev.switchboard.chat.ChatRequest;
import dev.switchboard.chat.ChatResult;
import dev.switchboard.chat.FinishReason;
import dev.switchboard.chat.Role;
import dev.switchboard.chat.Usage;
import dev.switchboard.provider.ProviderFailure;
import dev.switchboard.provider.ProviderId;

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
    public static ObjectNode toOpenAi(ChatRequest request, String model, ProviderId dialect) {
        boolean official = dialect == ProviderId.OPENAI;
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
        for (Map.Entry<String, JsonNode> extra : request.extraParams().entrySet()) {
            body.set(extra.getKey(), extra.getValue().deepCopy());
        }
        return body;
    }

    private static ObjectNode message(ChatMessage message, boolean official) {
        ObjectNode node = NODES.objectNode();
        Role role = message.role() == Role.DEVELOPER && !official ? Role.SYSTEM : message.role();
        node.put("role", role.wireName());
        List<String> parts = message.texts();
        if (parts.size() == 1) {
            node.put("content", parts.get(0));
        } else {
            ArrayNode content = node.putArray("content");
            for (String part : parts) {
                content.addObject().put("type", "text").put("text", part);
            }
        }
        if (message.name() != null) {
            node.put("name", message.name());
        }
        return node;
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
        String content = message.content();
        if (content == null) {
            if (message.refusal() == null) {
                throw malformed(provider, "choices[0].message has neither content nor refusal");
            }
            content = message.refusal();
            finish = FinishReason.CONTENT_FILTER;
        }
        if (response.model() == null) {
            throw malformed(provider, "model is missing");
        }
        return new ChatResult(response.id(), response.model(), content, finish, usage(response.usage()));
    }

    private static Usage usage(OpenAiChatResponse.Usage usage) {
        if (usage == null) {
            return Usage.NONE;
        }
        return new Usage(orZero(usage.promptTokens()), orZero(usage.completionTokens()), usage.cachedTokens());
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }

    private static ProviderFailure malformed(ProviderId provider, String what) {
        return new ProviderFailure.MalformedResponse(provider, "response is not a chat completion: " + what, null);
    }
}
