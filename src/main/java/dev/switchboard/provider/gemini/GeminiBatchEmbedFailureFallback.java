package dev.switchboard.provider.gemini;

import org.eclipse.microprofile.faulttolerance.ExecutionContext;
import org.eclipse.microprofile.faulttolerance.FallbackHandler;

import dev.switchboard.provider.FailureFallback;
import io.smallrye.mutiny.Uni;

/** The {@code @Fallback} of {@link GeminiClient#batchEmbedContents}: see {@link FailureFallback}. */
public class GeminiBatchEmbedFailureFallback implements FallbackHandler<Uni<GeminiEmbeddings.Batch>> {

    @Override
    public Uni<GeminiEmbeddings.Batch> handle(ExecutionContext context) {
        return FailureFallback.typed(context);
    }
}
