package dev.switchboard.provider.openaicompatible;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import dev.switchboard.embedding.EmbeddingAdapter;
import dev.switchboard.embedding.EmbeddingRequest;
import dev.switchboard.embedding.EmbeddingResult;
import dev.switchboard.embedding.EmbeddingRoute;
import dev.switchboard.provider.ProviderEndpoints;
import dev.switchboard.provider.ProviderId;
import dev.switchboard.provider.ProviderType;
import dev.switchboard.provider.openai.OpenAiEmbeddings;
import io.smallrye.mutiny.Uni;

/** An OpenAI-compatible server's embeddings (vLLM, Ollama), through {@link OpenAiCompatibleClient#embeddings}. */
@Singleton
public class OpenAiCompatibleEmbeddingAdapter implements EmbeddingAdapter {

    private final OpenAiEmbeddings embeddings;

    public OpenAiCompatibleEmbeddingAdapter(@RestClient OpenAiCompatibleClient client, ProviderEndpoints endpoints) {
        this.embeddings = new OpenAiEmbeddings(ProviderType.OPENAI_COMPATIBLE, endpoints, client::embeddings);
    }

    @Override
    public ProviderType type() {
        return ProviderType.OPENAI_COMPATIBLE;
    }

    @Override
    public Uni<EmbeddingResult> embed(EmbeddingRequest request, EmbeddingRoute route) {
        return embeddings.embed(request, route);
    }
}
