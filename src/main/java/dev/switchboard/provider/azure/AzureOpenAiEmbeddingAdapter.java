package dev.switchboard.provider.azure;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import dev.switchboard.embedding.EmbeddingAdapter;
import dev.switchboard.embedding.EmbeddingRequest;
import dev.switchboard.embedding.EmbeddingResult;
import dev.switchboard.embedding.EmbeddingRoute;
import dev.switchboard.provider.JsonBody;
import dev.switchboard.provider.ProviderEndpoints;
import dev.switchboard.provider.ProviderId;
import dev.switchboard.provider.ProviderInstances;
import dev.switchboard.provider.ProviderType;
import dev.switchboard.provider.openai.OpenAiEmbeddings;
import io.smallrye.mutiny.Uni;

/**
 * An Azure OpenAI embeddings deployment, through {@link AzureOpenAiClient#embeddings}: OpenAI's body and
 * answer ({@link OpenAiEmbeddings}), the route's model as the deployment in the path.
 */
@Singleton
public class AzureOpenAiEmbeddingAdapter implements EmbeddingAdapter {

    private final AzureOpenAiClient client;
    private final ProviderEndpoints endpoints;
    private final ProviderInstances instances;

    public AzureOpenAiEmbeddingAdapter(@RestClient AzureOpenAiClient client, ProviderEndpoints endpoints,
            ProviderInstances instances) {
        this.client = client;
        this.endpoints = endpoints;
        this.instances = instances;
    }

    @Override
    public ProviderType type() {
        return ProviderType.AZURE_OPENAI;
    }

    @Override
    public Uni<EmbeddingResult> embed(EmbeddingRequest request, EmbeddingRoute route) {
        ProviderId instance = route.provider();
        return client.embeddings(endpoints.callUrl(instance), route.model(),
                        instances.settings(instance).apiVersion(ProviderType.AZURE_OPENAI), endpoints.apiKey(instance),
                        JsonBody.of(OpenAiEmbeddings.toOpenAi(request, route)))
                .map(response -> OpenAiEmbeddings.fromOpenAi(response, request, instance));
    }
}
