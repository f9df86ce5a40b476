package dev.switchboard.provider.azure;

import java.util.Optional;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.switchboard.chat.ChatRequest;
import dev.switchboard.chat.ChatResult;
import dev.switchboard.chat.Parameters;
import dev.switchboard.chat.StreamEvent;
import dev.switchboard.provider.EventStreamReader;
import dev.switchboard.provider.FailureFallback;
import dev.switchboard.provider.JsonBody;
import dev.switchboard.provider.ModelListProbe;
import dev.switchboard.provider.ProviderAdapter;
import dev.switchboard.provider.ProviderEndpoints;
import dev.switchboard.provider.ProviderId;
import dev.switchboard.provider.ProviderInstances;
import dev.switchboard.provider.ProviderType;
import dev.switchboard.provider.openai.OpenAiModelList;
import dev.switchboard.provider.openai.OpenAiTranslator;
import dev.switchboard.routing.Route;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Azure OpenAI deployments, in the OpenAI Chat Completions format: every parameter passes through, as
 * to OpenAI. A route's model is the deployment's name, which goes in the path; the body keeps it as
 * {@code model} too, which Azure accepts and ignores. Each call reaches the route's instance at its URL,
 * with its key and its {@code api-version} ({@link dev.switchboard.config.SwitchboardConfig.Provider#apiVersion}).
 *
 * <p>The body is the translator's portable dialect ({@code max_tokens}, {@code system}), not OpenAI's
 * newest ({@code max_completion_tokens}, {@code developer}): a deployment answers what its api-version
 * knows, and the GA versions know the portable names for every chat model.
 */
@Singleton
public class AzureOpenAiAdapter implements ProviderAdapter {

    private static final ProviderType TYPE = ProviderType.AZURE_OPENAI;

    private final AzureOpenAiClient client;
    private final ProviderEndpoints endpoints;
    private final ProviderInstances instances;

    public AzureOpenAiAdapter(@RestClient AzureOpenAiClient client, ProviderEndpoints endpoints,
            ProviderInstances instances) {
        this.client = client;
        this.endpoints = endpoints;
        this.instances = instances;
    }

    @Override
    public ProviderType type() {
        return TYPE;
    }

    /** Azure, like OpenAI, refuses parameters it does not know; top_k is the one callers of other servers send. */
    @Override
    public Optional<String> unsupported(ChatRequest request) {
        if (request.extraParams().containsKey(Parameters.TOP_K)) {
            return Optional.of("top_k is not supported by " + TYPE);
        }
        return Optional.empty();
    }

    @Override
    public Uni<ChatResult> chat(ChatRequest request, Route route) {
        ProviderId instance = route.provider();
        ObjectNode body = OpenAiTranslator.toOpenAi(request, route.model(), TYPE);
        return client.chatCompletions(endpoints.callUrl(instance), route.model(), apiVersion(instance),
                        endpoints.apiKey(instance), JsonBody.of(body))
                .map(response -> OpenAiTranslator.fromOpenAi(AzureAnswers.filteredAsEmpty(response), instance));
    }

    /**
     * Usage is always asked for, as of every OpenAI-format server: the gateway accounts for every call.
     * There is never a prefill: Azure cannot continue a partial answer ({@link ProviderType#canContinue}),
     * so the router never offers one.
     */
    @Override
    public Multi<StreamEvent> stream(ChatRequest request, Route route, Optional<String> prefill) {
        ProviderId instance = route.provider();
        ObjectNode body = OpenAiTranslator.toOpenAi(request, route.model(), TYPE);
        body.put("stream", true);
        body.putObject("stream_options").put("include_usage", true);
        return EventStreamReader.decode(instance,
                () -> client.streamChatCompletions(endpoints.callUrl(instance), route.model(), apiVersion(instance),
                        endpoints.apiKey(instance), JsonBody.of(body)),
                () -> new AzureStreamDecoder(instance))
                // The client's exception mapper knows the API, not the instance: name the one called.
                .onFailure().transform(failure -> FailureFallback.classify(instance, failure).at(instance));
    }

    /** {@code GET {resource}/openai/models?api-version=...} with the completions' key. */
    @Override
    public Uni<Void> probe(ProviderId instance) {
        return ModelListProbe.check(instance,
                () -> client.listModels(endpoints.callUrl(instance), apiVersion(instance), endpoints.apiKey(instance)),
                OpenAiModelList::documented);
    }

    private String apiVersion(ProviderId instance) {
        return instances.settings(instance).apiVersion(TYPE);
    }
}
