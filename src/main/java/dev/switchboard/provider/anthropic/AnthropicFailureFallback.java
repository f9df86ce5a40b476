package dev.switchboard.provider.anthropic;

import org.eclipse.microprofile.faulttolerance.ExecutionContext;
import org.eclipse.microprofile.faulttolerance.FallbackHandler;

import dev.switchboard.provider.FailureFallback;
import io.smallrye.mutiny.Uni;

/** The {@code @Fallback} of the Anthropic client: see {@link FailureFallback}. */
public class AnthropicFailureFallback implements FallbackHandler<Uni<AnthropicResponse>> {

    @Override
    public Uni<AnthropicResponse> handle(ExecutionContext context) {
        return FailureFallback.typed(context);
    }
}
