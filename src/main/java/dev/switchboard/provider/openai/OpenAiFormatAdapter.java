package dev.switchboard.provider.openai;

import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.switchboard.chat.ChatRequest;
import dev.switchboard.chat.Parameters;
import dev.switchboard.chat.ChatResult;
import dev.switchboard.chat.StreamEvent;
import dev.switchboard.provider.EventStreamReader;
import dev.switchboard.provider.JsonBody;
import dev.switchboard.provider.ModelListProbe;
import dev.switchboard.provider.ProviderAdapter;
import dev.switchboard.provider.ProviderEndpoints;
import dev.switchboard.provider.ProviderId;
import dev.switchboard.provider.ProviderType;
import dev.switchboard.routing.Route;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/** What OpenAI and OpenAI-compatible servers share: the wire format, so every parameter passes through. */
public abstract class OpenAiFormatAdapter implements ProviderAdapter {

    private final ProviderType type;
    private final ProviderEndpoints endpoints;

    protected OpenAiFormatAdapter(ProviderType type, ProviderEndpoints endpoints) {
        this.type = type;
        this.endpoints = endpoints;
    }

    protected abstract Uni<OpenAiChatResponse> send(String baseUrl, String authorization, JsonBody body);

    protected abstract Multi<byte[]> sendStreaming(String baseUrl, String authorization, JsonBody body);

    protected abstract Uni<OpenAiModelList> listModels(String baseUrl, String authorization);

    @Override
    public ProviderType type() {
        return type;
    }

    @Override
    public Optional<String> unsupported(ChatRequest request) {
        // OpenAI refuses parameters it does not know; servers such as vLLM take top_k.
        if (type == ProviderType.OPENAI && request.extraParams().containsKey(Parameters.TOP_K)) {
            return Optional.of("top_k is not supported by openai");
        }
        return Optional.empty();
    }

    @Override
    public Uni<ChatResult> chat(ChatRequest request, Route route) {
        ProviderId instance = route.provider();
        ObjectNode body = OpenAiTranslator.toOpenAi(request, route.model(), type);
        return send(endpoints.callUrl(instance), authorization(instance), JsonBody.of(body))
                .map(response -> OpenAiTranslator.fromOpenAi(response, instance));
    }

    /**
     * Usage is always asked for, whether or not the caller wants to see it: the gateway accounts for
     * every call. A continuation uses vLLM's {@code continue_final_message}, so only servers that
     * support it should have continuation turned on.
     */
    @Override
    public Multi<StreamEvent> stream(ChatRequest request, Route route, Optional<String> prefill) {
        ProviderId instance = route.provider();
        ObjectNode body = OpenAiTranslator.toOpenAi(prefill.map(request::continuing).orElse(request), route.model(), type);
        body.put("stream", true);
        body.putObject("stream_options").put("include_usage", true);
        if (prefill.isPresent()) {
            body.put("continue_final_message", true);
            body.put("add_generation_prompt", false);
        }
        return EventStreamReader.decode(instance,
                () -> sendStreaming(endpoints.callUrl(instance), authorization(instance), JsonBody.of(body)),
                () -> new OpenAiStreamDecoder(instance));
    }

    /** {@code GET {base}/models}, with the key as a Bearer token when there is one (a local server may need none). */
    @Override
    public Uni<Void> probe(ProviderId instance) {
        return ModelListProbe.check(instance, () -> listModels(endpoints.callUrl(instance), authorization(instance)),
                OpenAiModelList::documented);
    }

    private String authorization(ProviderId instance) {
        String key = endpoints.apiKey(instance);
        return key == null ? null : "Bearer " + key;
    }
}
