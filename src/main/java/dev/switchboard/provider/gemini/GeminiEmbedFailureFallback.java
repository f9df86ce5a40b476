package dev.switchboard.provider.gemini;

import org.eclipse.microprofile.faulttolerance.ExecutionContext;
import org.eclipse.microprofile.faulttolerance.FallbackHandler;

import dev.switchboard.provider.FailureFallback;
import io.smallrye.mutiny.Uni;

/** The {@code @Fallback} of {@link GeminiClient#embedContent}: see {@link FailureFallback}. */
public class GeminiEmbedFailureFallback implements FallbackHandler<Uni<GeminiEmbeddings.Single>> {

    @Override
    public Uni<GeminiEmbeddings.Single> handle(ExecutionContext context) {
        return FailureFallback.typed(context);
    }
}
