package dev.switchboard.provider.openai;

import org.eclipse.microprofile.faulttolerance.ExecutionContext;
import org.eclipse.microprofile.faulttolerance.FallbackHandler;

import dev.switchboard.provider.FailureFallback;
import io.smallrye.mutiny.Uni;

/** The {@code @Fallback} of the OpenAI-format clients' embeddings calls: see {@link FailureFallback}. */
public class OpenAiEmbeddingsFailureFallback implements FallbackHandler<Uni<OpenAiEmbeddingResponse>> {

    @Override
    public Uni<OpenAiEmbeddingResponse> handle(ExecutionContext context) {
        return FailureFallback.typed(context);
    }
}
