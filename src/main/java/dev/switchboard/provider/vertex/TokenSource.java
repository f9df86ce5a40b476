package dev.switchboard.provider.vertex;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import dev.switchboard.provider.FailureFallback;
import dev.switchboard.provider.ProviderFailure;
import dev.switchboard.provider.ProviderId;
import io.smallrye.mutiny.Uni;

/**
 * One instance's access token: fetched when first needed, kept, and fetched again ahead of its
 * expiry. Concurrent requests that find no fresh token share one fetch (single flight), so a burst
 * after start-up or at expiry costs one token request, not one per request. Non-blocking: a request
 * that must wait subscribes to the fetch in flight. A failed fetch is a {@link ProviderFailure} of
 * the instance, so its routes fail over; the next request tries again, and while the old token has
 * not yet expired it is used instead.
 */
final class TokenSource {

    /** Refresh this long before expiry, so no request starts with a token about to lapse mid-call. */
    static final Duration REFRESH_AHEAD = Duration.ofMinutes(5);

    /**
     * A token request that does not answer in this long is abandoned: otherwise a silent token endpoint
     * would hold every request of the instance behind the fetch in flight.
     */
    static final Duration FETCH_TIMEOUT = Duration.ofSeconds(10);

    /** A token and when to stop using it. */
    private record Token(String value, Instant refreshAt, Instant expiresAt) {
    }

    private final ProviderId instance;
    private final Supplier<Uni<AccessToken>> fetch;
    private final Clock clock;
    private volatile Token current;
    private final AtomicReference<Uni<Token>> inFlight = new AtomicReference<>();

    /** @param fetch one token request, made when the returned Uni is subscribed to */
    TokenSource(ProviderId instance, Supplier<Uni<AccessToken>> fetch, Clock clock) {
        this.instance = instance;
        this.fetch = fetch;
        this.clock = clock;
    }

    /** A token fit to send now: the one held while it is fresh, else the fetch in flight or a new one. */
    Uni<String> token() {
        Token held = current;
        Instant now = clock.instant();
        if (held != null && now.isBefore(held.refreshAt())) {
            return Uni.createFrom().item(held.value());
        }
        return refresh().onFailure().recoverWithUni(failure -> {
            Token old = current;
            return old != null && clock.instant().isBefore(old.expiresAt()) ? Uni.createFrom().item(old)
                    : Uni.createFrom().failure(failure);
        }).map(Token::value);
    }

    /** Drops the token held, e.g. after Vertex refused it: the next request fetches a new one. */
    void forget() {
        current = null;
    }

    private Uni<Token> refresh() {
        while (true) {
            Uni<Token> running = inFlight.get();
            if (running != null) {
                return running;
            }
            AtomicReference<Uni<Token>> self = new AtomicReference<>();
            Uni<Token> fetching = Uni.createFrom().<AccessToken>deferred(fetch::get)
                    .ifNoItem().after(FETCH_TIMEOUT).failWith(() -> new ProviderFailure.TimedOut(instance,
                            "no access token within " + FETCH_TIMEOUT.toSeconds() + " s"))
                    .map(this::accepted)
                    .onFailure().transform(failure -> FailureFallback.classify(instance, failure).at(instance))
                    .invoke(token -> current = token)
                    .onTermination().invoke(() -> inFlight.compareAndSet(self.get(), null))
                    .memoize().indefinitely();
            self.set(fetching);
            if (inFlight.compareAndSet(null, fetching)) {
                return fetching;
            }
        }
    }

    /**
     * The answer as a token, refreshed {@link #REFRESH_AHEAD} before it expires, or halfway through
     * its life when it lives shorter than twice that (a token that is never fresh would be fetched
     * for every request).
     */
    private Token accepted(AccessToken answer) {
        if (answer == null || !answer.usable()) {
            throw new ProviderFailure.MalformedResponse(instance,
                    "the token endpoint's answer has no bearer access_token with an expires_in", null);
        }
        Instant now = clock.instant();
        Duration lifetime = Duration.ofSeconds(answer.expiresIn());
        Duration ahead = lifetime.compareTo(REFRESH_AHEAD.multipliedBy(2)) < 0 ? lifetime.dividedBy(2) : REFRESH_AHEAD;
        return new Token(answer.accessToken(), now.plus(lifetime).minus(ahead), now.plus(lifetime));
    }
}
