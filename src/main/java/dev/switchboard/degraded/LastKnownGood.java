package dev.switchboard.degraded;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

import dev.switchboard.config.SwitchboardConfig;

/**
 * The last known good answer to each request, in memory (per replica, lost on restart), bounded by
 * count ({@code switchboard.degraded.cache.max-entries}) and by age since it was given
 * ({@code switchboard.degraded.cache.ttl}). Caffeine evicts by its frequency sketch, so an answer asked
 * for once is dropped before one asked for often. A newer answer to the same request replaces the older
 * one and starts its age afresh. Keys carry the caller, so {@link #recall} never crosses callers.
 */
@ApplicationScoped
public class LastKnownGood {

    private final Cache<RequestKey, GoodAnswer> answers;

    @Inject
    public LastKnownGood(SwitchboardConfig config) {
        this(config.degraded().cache().maxEntries(), config.degraded().cache().ttl(), Ticker.systemTicker());
    }

    /** @param ticker where ages are read from */
    LastKnownGood(int maxEntries, Duration ttl, Ticker ticker) {
        this.answers = Caffeine.newBuilder()
                .maximumSize(maxEntries)
                .expireAfterWrite(ttl)
                .ticker(ticker)
                // Evictions run on the writing thread, in step with the writes: a few map operations,
                // never a wait, so fine on an event loop, and no pool thread for so little.
                .executor(Runnable::run)
                .build();
    }

    public void remember(RequestKey key, GoodAnswer answer) {
        answers.put(key, answer);
    }

    public Optional<GoodAnswer> recall(RequestKey key) {
        return Optional.ofNullable(answers.getIfPresent(key));
    }

    /** Answers kept now, once pending evictions are done. */
    public long size() {
        answers.cleanUp();
        return answers.estimatedSize();
    }

    /** Forgets every answer. */
    public void clear() {
        answers.invalidateAll();
        answers.cleanUp();
    }
}
