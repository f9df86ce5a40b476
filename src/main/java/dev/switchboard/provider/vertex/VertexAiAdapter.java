package dev.switchboard.provider.vertex;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import dev.switchboard.chat.ChatRequest;
import dev.switchboard.chat.ChatResult;
import dev.switchboard.chat.StreamEvent;
import dev.switchboard.provider.EventStreamReader;
import dev.switchboard.provider.JsonBody;
import dev.switchboard.provider.ModelListProbe;
import dev.switchboard.provider.ProviderAdapter;
import dev.switchboard.provider.ProviderEndpoints;
import dev.switchboard.provider.ProviderFailure;
import dev.switchboard.provider.ProviderId;
import dev.switchboard.provider.ProviderInstances;
import dev.switchboard.provider.ProviderType;
import dev.switchboard.provider.gemini.GeminiAdapter;
import dev.switchboard.provider.gemini.GeminiRequest;
import dev.switchboard.provider.gemini.GeminiStreamDecoder;
import dev.switchboard.provider.gemini.GeminiTranslator;
import dev.switchboard.routing.Route;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Gemini models on Vertex AI. The request and the answer are the Gemini API's (the same translator,
 * stream decoder, schema rules and error classifier); what differs is where a call goes (the
 * instance's project and location) and what it carries: an access token from {@link VertexTokens},
 * fetched before the call and inside the same instance timeout, instead of a key.
 */
@ApplicationScoped
public class VertexAiAdapter implements ProviderAdapter {

    private final VertexAiClient client;
    private final ProviderEndpoints endpoints;
    private final ProviderInstances instances;
    private final VertexTokens tokens;
    private final Map<ProviderId, VertexAiSettings> settings = new ConcurrentHashMap<>();

    public VertexAiAdapter(@RestClient VertexAiClient client, ProviderEndpoints endpoints, ProviderInstances instances,
            VertexTokens tokens) {
        this.client = client;
        this.endpoints = endpoints;
        this.instances = instances;
        this.tokens = tokens;
    }

    @Override
    public ProviderType type() {
        return ProviderType.VERTEX_AI;
    }

    /** What the Gemini API cannot take, Vertex AI cannot either: it is the same GenerateContent request. */
    @Override
    public Optional<String> unsupported(ChatRequest request) {
        return GeminiAdapter.unsupported(request, "vertex-ai");
    }

    @Override
    public Uni<ChatResult> chat(ChatRequest request, Route route) {
        ProviderId instance = route.provider();
        VertexAiSettings where = settings(instance);
        JsonBody body = JsonBody.of(GeminiTranslator.toGemini(request));
        return tokens.authorization(instance)
                .chain(authorization -> client.generateContent(endpoints.callUrl(instance), where.project(),
                        where.location(), route.model(), authorization, body))
                .onFailure(ProviderFailure.AuthRejected.class).invoke(refused -> tokens.refused(instance))
                .map(response -> GeminiTranslator.fromGemini(response, instance, route.model()));
    }

    /**
     * Vertex AI cannot continue a partial answer ({@link ProviderType#canContinue} is false), so a
     * prefill is refused, not ignored, as for the Gemini API. The decoder keeps state, so each
     * subscription gets its own; the token is fetched when the stream is subscribed to.
     */
    @Override
    public Multi<StreamEvent> stream(ChatRequest request, Route route, Optional<String> prefill) {
        if (prefill.isPresent()) {
            return Multi.createFrom().failure(new ProviderFailure.RequestRejected(route.provider(), 0,
                    "vertex-ai cannot continue a partial answer"));
        }
        ProviderId instance = route.provider();
        VertexAiSettings where = settings(instance);
        GeminiRequest body = GeminiTranslator.toGemini(request);
        return EventStreamReader.decode(instance,
                () -> tokens.authorization(instance).onItem().transformToMulti(authorization ->
                        client.streamGenerateContent(endpoints.callUrl(instance), where.project(), where.location(),
                                route.model(), authorization, JsonBody.of(body))),
                () -> new GeminiStreamDecoder(instance, route.model()));
    }

    /**
     * One publisher model ({@code GET /v1beta1/publishers/google/models?pageSize=1}) with the token a
     * completion would carry: never billed, and it proves both halves of a call, the token source and
     * the API host. A probe that finds the token endpoint refusing fails like a completion would. A
     * 403 on the list itself says only that the account may not list models (a role that may predict
     * and no more): the token was accepted, so it is no rejected credential, and the probe reports the
     * list unsupported rather than take the instance out.
     */
    @Override
    public Uni<Void> probe(ProviderId instance) {
        return ModelListProbe.check(instance,
                () -> tokens.authorization(instance).chain(authorization ->
                        client.listPublisherModels(endpoints.callUrl(instance), authorization)
                                .onFailure(VertexAiAdapter::forbidden).transform(forbidden ->
                                        new ProviderFailure.RequestRejected(instance, 403,
                                                "the account may not list publisher models: " + forbidden.getMessage()))),
                VertexModelList::documented);
    }

    private static boolean forbidden(Throwable failure) {
        return failure instanceof ProviderFailure.AuthRejected rejected && rejected.status() == 403;
    }

    private VertexAiSettings settings(ProviderId instance) {
        return settings.computeIfAbsent(instance, id -> VertexAiSettings.of(instances.settings(id)));
    }
}
