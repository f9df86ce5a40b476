package dev.switchboard.provider;

import java.io.CharConversionException;
import java.io.IOException;
import java.net.ConnectException;

import org.eclipse.microprofile.faulttolerance.ExecutionContext;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.smallrye.mutiny.Uni;
import io.vertx.core.VertxException;

/**
 * What every provider client's {@code @Fallback} handler does. Switchboard's real fallback is the next route in
 * the chain, so this handler does not invent an answer: it turns whatever ended the call (an open
 * breaker, a fault-tolerance timeout, a refused connection, a body that is not the documented
 * schema) into the typed {@link ProviderFailure} the router decides on. HTTP error statuses were
 * already typed by the client's {@code @ClientExceptionMapper} and pass through unchanged.
 * (Fault tolerance wants a handler class per return type, hence one-line handlers per provider.)
 */
public final class FailureFallback {

    private FailureFallback() {
    }

    /**
     * The failed call, as a typed failure of the API whose client was called (attributed to the instance
     * called by {@link InstanceGuards}, which alone knows it).
     */
    public static <T> Uni<T> typed(ExecutionContext context) {
        return Uni.createFrom().failure(classify(providerOf(context.getMethod().getDeclaringClass()), context.getFailure()));
    }

    static ProviderId providerOf(Class<?> client) {
        RegisterRestClient registration = client.getAnnotation(RegisterRestClient.class);
        if (registration == null) {
            // Quarkus calls through a generated wrapper that implements the annotated interface.
            for (Class<?> implemented : client.getInterfaces()) {
                registration = implemented.getAnnotation(RegisterRestClient.class);
                if (registration != null) {
                    break;
                }
            }
        }
        if (registration == null) {
            throw new IllegalStateException(client + " is not a provider REST client");
        }
        String key = registration.configKey();
        return ProviderId.ofType(ProviderType.fromConfigName(key)
                .orElseThrow(() -> new IllegalStateException("no provider type named " + key)));
    }

    public static ProviderFailure classify(ProviderId provider, Throwable failure) {
        if (failure instanceof ProviderFailure typed) {
            return typed;
        }
        if (failure instanceof CircuitBreakerOpenException) {
            return new ProviderFailure.CircuitOpen(provider);
        }
        if (failure instanceof TimeoutException) {
            return new ProviderFailure.TimedOut(provider, "no response within the provider timeout");
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof EventStreamBody.NotAnEventStream notEvents) {
                return new ProviderFailure.MalformedResponse(provider, notEvents.getMessage(), failure);
            }
            if (cause instanceof JsonProcessingException json) {
                return new ProviderFailure.MalformedResponse(provider,
                        "response body is not the documented schema: " + json.getOriginalMessage(), failure);
            }
            if (cause instanceof CharConversionException text) {
                // Jackson read the body as UTF-16 or UTF-32 and met no character there: not transport.
                return new ProviderFailure.MalformedResponse(provider,
                        "response body is not JSON text: " + text.getMessage(), failure);
            }
            if (cause instanceof ConnectException) {
                return new ProviderFailure.ConnectionFailed(provider, "connection refused", failure);
            }
            if (cause instanceof IOException || cause instanceof VertxException) {
                return new ProviderFailure.ConnectionFailed(provider,
                        "connection failed: " + describe(cause), failure);
            }
        }
        // Neither transport nor fault tolerance: the response arrived but could not be read as the schema.
        return new ProviderFailure.MalformedResponse(provider, "unreadable response: " + describe(failure), failure);
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
    }
}
