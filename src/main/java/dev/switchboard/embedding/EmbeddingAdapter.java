package dev.switchboard.embedding;

import dev.switchboard.provider.ProviderFailure;
import dev.switchboard.provider.ProviderId;
import dev.switchboard.provider.ProviderType;
import io.smallrye.mutiny.Uni;

/**
 * One provider's embeddings, seen by the {@link EmbeddingRouter}: translation in, a call through the
 * provider's typed REST client (timeout, circuit breaker and fallback as for chat), translation out.
 * Implemented next to each provider's client; every failure arrives as a {@link ProviderFailure}.
 */
public interface EmbeddingAdapter {

    ProviderType type();

    Uni<EmbeddingResult> embed(EmbeddingRequest request, EmbeddingRoute route);
}
