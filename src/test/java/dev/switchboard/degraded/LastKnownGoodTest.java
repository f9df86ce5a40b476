package dev.switchboard.degraded;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.github.benmanes.caffeine.cache.Ticker;

import dev.switchboard.chat.FinishReason;

/** The store is bounded by count and by age, keeps the newest answer per request, and never crosses callers. */
class LastKnownGoodTest {

    private static final Duration TTL = Duration.ofMinutes(10);

    /** Time that moves only when the test says so. */
    private static final class ManualTicker implements Ticker {
        private long nanos;

        void advance(Duration by) {
            nanos += by.toNanos();
        }

        @Override
        public long read() {
            return nanos;
        }
    }

    private final ManualTicker ticker = new ManualTicker();

    private static RequestKey key(String caller, String digest) {
        return new RequestKey(caller, digest);
    }

    private static GoodAnswer answer(String content) {
        return new GoodAnswer("gpt-4o", content, FinishReason.STOP, false);
    }

    @Test
    void recallsWhatItRemembered() {
        LastKnownGood store = new LastKnownGood(10, TTL, ticker);
        store.remember(key("key-1", "a"), answer("Hello"));

        assertThat(store.recall(key("key-1", "a"))).contains(answer("Hello"));
        assertThat(store.recall(key("key-1", "b"))).isEmpty();
    }

    @Test
    void neverGivesOneCallersAnswerToAnother() {
        LastKnownGood store = new LastKnownGood(10, TTL, ticker);
        store.remember(key("key-1", "a"), answer("Hello"));

        assertThat(store.recall(key("key-2", "a"))).isEmpty();
    }

    @Test
    void aNewerAnswerReplacesTheOlder() {
        LastKnownGood store = new LastKnownGood(10, TTL, ticker);
        store.remember(key("key-1", "a"), answer("first"));
        store.remember(key("key-1", "a"), answer("second"));

        assertThat(store.recall(key("key-1", "a"))).contains(answer("second"));
        assertThat(store.size()).isEqualTo(1);
    }

    @Test
    void evictsBeyondItsSize() {
        LastKnownGood store = new LastKnownGood(3, TTL, ticker);
        List<RequestKey> keys = IntStream.range(0, 10).mapToObj(i -> key("key-1", "request-" + i)).toList();
        keys.forEach(k -> store.remember(k, answer(k.digest())));

        assertThat(store.size()).isEqualTo(3);
        assertThat(keys.stream().filter(k -> store.recall(k).isPresent())).hasSize(3);
    }

    @Test
    void forgetsAnAnswerOnceItIsOlderThanItsTtl() {
        LastKnownGood store = new LastKnownGood(10, TTL, ticker);
        store.remember(key("key-1", "a"), answer("Hello"));

        ticker.advance(TTL.minusSeconds(1));
        assertThat(store.recall(key("key-1", "a"))).isPresent();

        ticker.advance(Duration.ofSeconds(1));
        assertThat(store.recall(key("key-1", "a"))).isEmpty();
        assertThat(store.size()).isZero();
    }

    @Test
    void aNewerAnswerStartsItsAgeAfresh() {
        LastKnownGood store = new LastKnownGood(10, TTL, ticker);
        store.remember(key("key-1", "a"), answer("first"));
        ticker.advance(TTL.minusMinutes(1));
        store.remember(key("key-1", "a"), answer("second"));

        ticker.advance(Duration.ofMinutes(2));

        assertThat(store.recall(key("key-1", "a"))).contains(answer("second"));
    }

    @Test
    void clearForgetsEverything() {
        LastKnownGood store = new LastKnownGood(10, TTL, ticker);
        store.remember(key("key-1", "a"), answer("Hello"));

        store.clear();

        assertThat(store.size()).isZero();
        assertThat(store.recall(key("key-1", "a"))).isEmpty();
    }
}
