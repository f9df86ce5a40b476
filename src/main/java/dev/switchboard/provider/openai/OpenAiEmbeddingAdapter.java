package dev.switchboard.provider.openai;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import dev.switchboard.embedding.EmbeddingRequest;
import dev.switchboard.embedding.EmbeddingResult;
import dev.switchboard.embedding.EmbeddingRoute;
import dev.switchboard.embedding.EmbeddingAdapter;
import dev.switchboard.provider.ProviderEndpoints;
import dev.switchboard.provider.ProviderId;
import dev.switchboard.provider.ProviderType;
import io.smallrye.mutiny.Uni;

/** OpenAI's embeddings, through {@link OpenAiClient#embeddings}. */
@Singleton
public class OpenAiEmbeddingAdapter implements EmbeddingAdapter {

    private final OpenAiEmbeddings embeddings;

    public OpenAiEmbeddingAdapter(@RestClient OpenAiClient client, ProviderEndpoints endpoints) {
        this.embeddings = new OpenAiEmbeddings(ProviderType.OPENAI, endpoints, client::embeddings);
    }

    @Override
    public ProviderType type() {
        return ProviderType.OPENAI;
    }

    @Override
    public Uni<EmbeddingResult> embed(EmbeddingRequest request, EmbeddingRoute route) {
        return embeddings.embed(request, route);
    }
}
