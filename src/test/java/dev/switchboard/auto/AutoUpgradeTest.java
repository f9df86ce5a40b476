package dev.switchboard.auto;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.switchboard.support.Fixtures;
import dev.switchboard.support.GatewayTestBase;
import dev.switchboard.support.TaggedClassifier;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** With {@code allow-upgrade}, an auto request whose tier fails may be finished by a dearer tier; and a tier can be pinned to a route. */
@QuarkusTest
@TestProfile(AutoUpgradeTest.Upgrading.class)
class AutoUpgradeTest extends GatewayTestBase {

    public static class Upgrading implements QuarkusTestProfile {
        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(TaggedClassifier.class);
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("switchboard.auto.allow-upgrade", "true", "switchboard.auto.tiers.simple", "gemini-flash");
        }
    }

    @Test
    void aFailingSimpleRouteMayBeFinishedByADearerTierWhenAllowed() {
        stub(geminiPath("gemini-2.5-flash"), aResponse().withStatus(503));
        stub(ANTHROPIC_MESSAGES, aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(Fixtures.text("anthropic/messages-response.json")));

        caller().body(AutoRoutingTest.auto("[simple]")).post("/v1/chat/completions").then().statusCode(200)
                .header("x-switchboard-route", "claude-sonnet")
                .header("x-switchboard-complexity", "simple")
                .header("x-switchboard-attempts", "3");
    }
}
