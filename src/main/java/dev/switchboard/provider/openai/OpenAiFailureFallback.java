package dev.switchboard.provider.openai;

import org.eclipse.microprofile.faulttolerance.ExecutionContext;
import org.eclipse.microprofile.faulttolerance.FallbackHandler;

import dev.switchboard.provider.FailureFallback;
import io.smallrye.mutiny.Uni;

/** The {@code @Fallback} of the OpenAI-format clients: see {@link FailureFallback}. */
public class OpenAiFailureFallback implements FallbackHandler<Uni<OpenAiChatResponse>> {

    @Override
    public Uni<OpenAiChatResponse> handle(ExecutionContext context) {
        return FailureFallback.typed(context);
    }
}
