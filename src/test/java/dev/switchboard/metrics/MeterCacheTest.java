package dev.switchboard.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class MeterCacheTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MeterCache<String, Counter> cache = new MeterCache<>();
    private final AtomicInteger registrations = new AtomicInteger();

    private Counter counter(String value) {
        return cache.get(value, key -> {
            registrations.incrementAndGet();
            return Counter.builder("test.requests").tag("route", key).register(registry);
        });
    }

    @Test
    void registersAMeterOnceAndHandsOutTheSameOneAfter() {
        counter("gpt-4o").increment();
        counter("gpt-4o").increment();
        counter("claude").increment();

        assertThat(registrations).hasValue(2);
        assertThat(registry.get("test.requests").tag("route", "gpt-4o").counter().count()).isEqualTo(2);
        assertThat(registry.get("test.requests").tag("route", "claude").counter().count()).isEqualTo(1);
    }

    @Test
    void keepsNoMoreThanItsLimitButStillRecordsEveryValue() {
        for (int i = 0; i < MeterCache.MAX + 50; i++) {
            counter("route-" + i).increment();
        }
        counter("route-" + (MeterCache.MAX + 10)).increment();

        assertThat(cache.size()).isEqualTo(MeterCache.MAX);
        assertThat(registrations).as("a value past the limit is registered again (the registry returns its meter)")
                .hasValue(MeterCache.MAX + 51);
        assertThat(registry.get("test.requests").tag("route", "route-" + (MeterCache.MAX + 10)).counter().count())
                .isEqualTo(2);
    }
}
