package dev.switchboard.provider.gemini;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.JsonNode;

import dev.switchboard.chat.ChatRequest;
import dev.switchboard.chat.ChatResult;
import dev.switchboard.chat.Parameters;
import dev.switchboard.provider.ProviderAdapter;
import dev.switchboard.provider.ProviderEndpoints;
import dev.switchboard.provider.ProviderId;
import dev.switchboard.routing.Route;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class GeminiAdapter implements ProviderAdapter {

    private final GeminiClient client;
    private final ProviderEndpoints endpoints;

    public GeminiAdapter(@RestClient GeminiClient client, ProviderEndpoints endpoints) {
        this.client = client;
        this.endpoints = endpoints;
    }

    @Override
    public ProviderId id() {
        return ProviderId.GEMINI;
    }

    /** Declining here lets the router pick another route instead of silently dropping what the caller asked. */
    @Override
    public Optional<String> unsupported(ChatRequest request) {
        Optional<String> untranslatable = Parameters.firstUntranslatable(request, GeminiTranslator.TRANSLATED_PARAMS);
        if (untranslatable.isPresent()) {
            return Optional.of("parameter '" + untranslatable.get() + "' is not supported by gemini");
        }
        Optional<String> notANumber = GeminiTranslator.TRANSLATED_PARAMS.stream()
                .filter(name -> !isNumberOrNull(request.extraParams().get(name)))
                .sorted()
                .findFirst();
        if (notANumber.isPresent()) {
            return Optional.of("parameter '" + notANumber.get() + "' must be a number for gemini");
        }
        if (!request.hasConversation()) {
            return Optional.of("gemini needs at least one user or assistant message");
        }
        return Optional.empty();
    }

    private static boolean isNumberOrNull(JsonNode value) {
        return value == null || value.isNull() || value.isNumber();
    }

    @Override
    public Uni<ChatResult> chat(ChatRequest request, Route route) {
        String apiKey = endpoints.of(ProviderId.GEMINI).apiKey().orElse(null);
        GeminiRequest body = GeminiTranslator.toGemini(request);
        return client.generateContent(endpoints.baseUrl(ProviderId.GEMINI), route.model(), apiKey, body)
                .map(response -> GeminiTranslator.fromGemini(response, ProviderId.GEMINI, route.model()));
    }
}
