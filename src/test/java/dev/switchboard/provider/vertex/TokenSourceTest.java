package dev.switchboard.provider.vertex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.switchboard.provider.ProviderFailure;
import dev.switchboard.provider.ProviderId;
import dev.switchboard.provider.ProviderType;
import dev.switchboard.support.ManualClock;
import io.smallrye.mutiny.Uni;

/** One instance's token: fetched once, shared while fresh, refreshed ahead of expiry, one fetch at a time. */
class TokenSourceTest {

    private static final ProviderId VERTEX = new ProviderId("vertex-eu", ProviderType.VERTEX_AI);

    private final ManualClock clock = new ManualClock();
    private final List<CompletableFuture<AccessToken>> fetches = new ArrayList<>();
    private final TokenSource source = new TokenSource(VERTEX, () -> {
        CompletableFuture<AccessToken> answer = new CompletableFuture<>();
        fetches.add(answer);
        return Uni.createFrom().completionStage(answer);
    }, clock);

    private static AccessToken token(String value, long expiresIn) {
        return new AccessToken(value, expiresIn, "Bearer");
    }

    @Test
    void concurrentRequestsShareOneFetch() {
        CompletableFuture<String> first = source.token().subscribeAsCompletionStage();
        CompletableFuture<String> second = source.token().subscribeAsCompletionStage();
        assertThat(fetches).hasSize(1);

        fetches.get(0).complete(token("ya29.one", 3600));

        assertThat(first.join()).isEqualTo("ya29.one");
        assertThat(second.join()).isEqualTo("ya29.one");
    }

    @Test
    void aFreshTokenIsReusedAndRefreshedFiveMinutesBeforeItExpires() {
        CompletableFuture<String> first = source.token().subscribeAsCompletionStage();
        fetches.get(0).complete(token("ya29.one", 3600));
        assertThat(first.join()).isEqualTo("ya29.one");

        clock.advance(Duration.ofMinutes(54));
        assertThat(source.token().await().indefinitely()).isEqualTo("ya29.one");
        assertThat(fetches).hasSize(1);

        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        CompletableFuture<String> refreshed = source.token().subscribeAsCompletionStage();
        assertThat(fetches).hasSize(2);
        fetches.get(1).complete(token("ya29.two", 3600));
        assertThat(refreshed.join()).isEqualTo("ya29.two");
    }

    @Test
    void aShortLivedTokenIsRefreshedHalfwayThroughItsLife() {
        CompletableFuture<String> first = source.token().subscribeAsCompletionStage();
        fetches.get(0).complete(token("ya29.short", 60));
        assertThat(first.join()).isEqualTo("ya29.short");

        clock.advance(Duration.ofSeconds(29));
        assertThat(source.token().await().indefinitely()).isEqualTo("ya29.short");
        clock.advance(Duration.ofSeconds(2));
        source.token().subscribeAsCompletionStage();
        assertThat(fetches).hasSize(2);
    }

    @Test
    void aFailedRefreshFallsBackToTheOldTokenWhileItIsValidAndIsTriedAgainNextTime() {
        CompletableFuture<String> first = source.token().subscribeAsCompletionStage();
        fetches.get(0).complete(token("ya29.one", 3600));
        first.join();
        clock.advance(Duration.ofMinutes(56));

        CompletableFuture<String> during = source.token().subscribeAsCompletionStage();
        fetches.get(1).completeExceptionally(new ProviderFailure.ServerError(ProviderId.ofType(ProviderType.VERTEX_AI),
                503, "token endpoint down"));
        assertThat(during.join()).isEqualTo("ya29.one");

        source.token().subscribeAsCompletionStage();
        assertThat(fetches).as("the failure is not remembered").hasSize(3);
    }

    @Test
    void aFailureWithNoValidTokenIsTheInstancesFailure() {
        AtomicInteger calls = new AtomicInteger();
        TokenSource refused = new TokenSource(VERTEX, () -> {
            calls.incrementAndGet();
            return Uni.createFrom().failure(new ProviderFailure.AuthRejected(ProviderId.ofType(ProviderType.VERTEX_AI),
                    400, "token request refused: invalid_grant"));
        }, clock);

        assertThatThrownBy(() -> refused.token().await().indefinitely())
                .isInstanceOfSatisfying(ProviderFailure.AuthRejected.class,
                        failure -> assertThat(failure.provider()).isEqualTo(VERTEX));
    }

    @Test
    void anAnswerWithoutATokenIsMalformed() {
        CompletableFuture<String> first = source.token().subscribeAsCompletionStage();
        fetches.get(0).complete(new AccessToken(null, 3600L, "Bearer"));

        assertThat(first).failsWithin(Duration.ofSeconds(1)).withThrowableThat()
                .havingCause().isInstanceOf(ProviderFailure.MalformedResponse.class);
    }
}
