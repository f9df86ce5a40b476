package dev.switchboard.degraded;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.switchboard.support.DegradedProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * {@code switchboard.degraded.cache.enabled=false}: nothing a provider answered is kept, so when every
 * route fails even a request answered before gets its category's static message, never the old answer.
 */
@QuarkusTest
@TestProfile(DegradedWithoutCacheTest.CacheOff.class)
class DegradedWithoutCacheTest extends DegradedTestBase {

    public static class CacheOff extends DegradedProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
            overrides.put("switchboard.degraded.cache.enabled", "false");
            return overrides;
        }
    }

    @Test
    void aRequestAnsweredBeforeGetsTheStaticMessage() {
        stub(OPENAI_CHAT, openAiAnswer("gpt-4o-2024-08-06"));
        post(chat("gpt-4o", FALLBACK)).statusCode(200).header("x-switchboard-route", "gpt-4o")
                .body("choices[0].message.content", equalTo(FIXTURE_ANSWER));
        emulator.resetAll();
        everyRouteFails();

        post(chat("gpt-4o", FALLBACK)).statusCode(200)
                .header("x-switchboard-degraded", "true")
                .header("x-switchboard-degraded-source", "static")
                .header("x-switchboard-route", nullValue())
                .body("choices[0].message.content", equalTo(GENERAL));
    }
}
