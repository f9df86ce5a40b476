package dev.switchboard.provider;

import java.util.function.Predicate;
import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;

/**
 * What every provider's {@link ProviderAdapter#probe} shares: the model list must arrive, and in its
 * documented shape (a 200 with some other body, such as a proxy's HTML page, says nothing good about
 * the provider), and whatever went wrong arrives as a typed {@link ProviderFailure}.
 */
public final class ModelListProbe {

    private ModelListProbe() {
    }

    /** @param call the model-list request, made when the returned Uni is subscribed to */
    public static <T> Uni<Void> check(ProviderId provider, Supplier<Uni<? extends T>> call, Predicate<T> documented) {
        return Uni.createFrom().<T>deferred(call)
                .invoke(list -> {
                    if (list == null || !documented.test(list)) {
                        throw new ProviderFailure.MalformedResponse(provider,
                                "the model list is not the documented schema", null);
                    }
                })
                .replaceWithVoid()
                .onFailure().transform(error -> FailureFallback.classify(provider, error));
    }
}
