package dev.switchboard.provider.openai;

import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.switchboard.chat.ChatRequest;
import dev.switchboard.chat.ChatResult;
import dev.switchboard.provider.ProviderAdapter;
import dev.switchboard.provider.ProviderEndpoints;
import dev.switchboard.provider.ProviderId;
import dev.switchboard.routing.Route;
import io.smallrye.mutiny.Uni;

/** What OpenAI and OpenAI-compatible servers share: the wire format, so every parameter passes through. */
public abstract class OpenAiFormatAdapter implements ProviderAdapter {

    private final ProviderId id;
    private final ProviderEndpoints endpoints;

    protected OpenAiFormatAdapter(ProviderId id, ProviderEndpoints endpoints) {
        this.id = id;
        this.endpoints = endpoints;
    }

    protected abstract Uni<OpenAiChatResponse> send(String baseUrl, String authorization, ObjectNode body);

    @Override
    public ProviderId id() {
        return id;
    }

    @Override
    public Optional<String> unsupported(ChatRequest request) {
        return Optional.empty();
    }

    @Override
    public Uni<ChatResult> chat(ChatRequest request, Route route) {
        String authorization = endpoints.of(id).apiKey().map(key -> "Bearer " + key).orElse(null);
        ObjectNode body = OpenAiTranslator.toOpenAi(request, route.model(), id);
        return send(endpoints.baseUrl(id), authorization, body)
                .map(response -> OpenAiTranslator.fromOpenAi(response, id));
    }
}
