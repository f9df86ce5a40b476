package dev.switchboard.provider.gemini;

import org.eclipse.microprofile.faulttolerance.ExecutionContext;
import org.eclipse.microprofile.faulttolerance.FallbackHandler;

import dev.switchboard.provider.FailureFallback;
import io.smallrye.mutiny.Uni;

/** The {@code @Fallback} of the Gemini client: see {@link FailureFallback}. */
public class GeminiFailureFallback implements FallbackHandler<Uni<GeminiResponse>> {

    @Override
    public Uni<GeminiResponse> handle(ExecutionContext context) {
        return FailureFallback.typed(context);
    }
}
