package dev.switchboard.provider.vertex;

import org.eclipse.microprofile.faulttolerance.ExecutionContext;
import org.eclipse.microprofile.faulttolerance.FallbackHandler;

import dev.switchboard.provider.FailureFallback;
import dev.switchboard.provider.gemini.GeminiResponse;
import io.smallrye.mutiny.Uni;

/** The {@code @Fallback} of the Vertex AI client: see {@link FailureFallback}. */
public class VertexAiFailureFallback implements FallbackHandler<Uni<GeminiResponse>> {

    @Override
    public Uni<GeminiResponse> handle(ExecutionContext context) {
        return FailureFallback.typed(context);
    }
}
