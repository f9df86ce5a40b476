package dev.switchboard.routing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import dev.switchboard.api.GatewayHeaders;
import dev.switchboard.health.ProviderBreakers;
import dev.switchboard.provider.ProviderInstances;
import dev.switchboard.support.FreshGateway;
import dev.switchboard.support.InstanceEmulators;
import dev.switchboard.support.ProviderEmulator;
import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.smallrye.faulttolerance.api.CircuitBreakerState;

/**
 * One route spread over two OpenAI keys (two instances of the OpenAI type, each on its own emulator)
 * by weight 3:1, and another spread by observed latency. Shares are exact (smooth weighted round
 * robin: any four requests in a row give three to one key and one to the other), a deployment that
 * is out gives its share to the other, whose circuit stays closed, and a failed attempt moves to the
 * route's other deployment before the chain moves on.
 */
@QuarkusTest
@TestProfile(WeightedRouteTest.TwoKeys.class)
class WeightedRouteTest extends FreshGateway {

    static final String KEY_A = "sk-test-key-a-1111";
    static final String KEY_B = "sk-test-key-b-2222";
    static final String CHAT = "/v1/chat/completions";

    InstanceEmulators.Servers upstreams;

    public static class TwoKeys implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return InstanceEmulators.of("openai-a", "/v1", "openai-b", "/v1");
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>();
            config.put("switchboard.providers.openai-a.type", "openai");
            config.put("switchboard.providers.openai-a.api-key", KEY_A);
            config.put("switchboard.providers.openai-b.type", "openai");
            config.put("switchboard.providers.openai-b.api-key", KEY_B);
            config.put("switchboard.routes.spread.model", "gpt-4o");
            config.put("switchboard.routes.spread.input-price", "2.50");
            config.put("switchboard.routes.spread.output-price", "10.00");
            config.put("switchboard.routes.spread.fallbacks", "spread");
            config.put("switchboard.routes.spread.deployments.key-a.provider", "openai-a");
            config.put("switchboard.routes.spread.deployments.key-a.weight", "3");
            config.put("switchboard.routes.spread.deployments.key-b.provider", "openai-b");
            config.put("switchboard.routes.spread.deployments.key-b.weight", "1");
            config.put("switchboard.routes.fastest.model", "gpt-4o-mini");
            config.put("switchboard.routes.fastest.fallbacks", "fastest");
            config.put("switchboard.routes.fastest.balance", "latency");
            config.put("switchboard.routes.fastest.deployments.key-a.provider", "openai-a");
            config.put("switchboard.routes.fastest.deployments.key-b.provider", "openai-b");
            config.put("switchboard.probes.enabled", "false");
            return config;
        }
    }

    @BeforeEach
    void bothKeysAnswer() {
        upstreams.resetAll();
        answers(upstreams.of("openai-a"), 0);
        answers(upstreams.of("openai-b"), 0);
    }

    private static void answers(WireMockServer server, int delayMs) {
        server.stubFor(post(urlPathEqualTo(CHAT)).willReturn(aResponse().withStatus(200).withFixedDelay(delayMs)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT\",\"object\":\"chat.completion\","
                        + "\"created\":1741569952,\"model\":\"gpt-4o-2024-08-06\",\"choices\":[{\"index\":0,"
                        + "\"message\":{\"role\":\"assistant\",\"content\":\"Hello!\",\"refusal\":null},"
                        + "\"logprobs\":null,\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":9,"
                        + "\"completion_tokens\":2,\"total_tokens\":11},\"system_fingerprint\":\"fp_44709d6fcb\"}")));
    }

    private static io.restassured.response.ExtractableResponse<io.restassured.response.Response> ask(String route) {
        return given().contentType(ContentType.JSON).header("Authorization", "Bearer " + ProviderEmulator.GATEWAY_KEY)
                .body("{\"model\":\"" + route + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Say hi\"}]}")
                .post(CHAT).then().statusCode(200).extract();
    }

    private static int calls(WireMockServer server) {
        return server.countRequestsMatching(postRequestedFor(urlPathEqualTo(CHAT)).build()).getCount();
    }

    @Test
    void trafficIsSpreadByWeightExactly() {
        Map<String, Integer> answeredBy = new HashMap<>();
        for (int i = 0; i < 40; i++) {
            answeredBy.merge(ask("spread").header(GatewayHeaders.ROUTE), 1, Integer::sum);
        }

        // Stated tolerance: one request per deployment (smooth weighted round robin is exact per cycle of 4).
        assertThat(answeredBy.keySet()).containsExactlyInAnyOrder("spread@key-a", "spread@key-b");
        assertThat(answeredBy.get("spread@key-a")).isBetween(29, 31);
        assertThat(answeredBy.get("spread@key-b")).isBetween(9, 11);
        assertThat(calls(upstreams.of("openai-a")) + calls(upstreams.of("openai-b"))).isEqualTo(40);
        // Each deployment is called with its own key.
        upstreams.of("openai-a").verify(postRequestedFor(urlPathEqualTo(CHAT)).withHeader("Authorization", equalTo("Bearer " + KEY_A))
                .withRequestBody(matchingJsonPath("$.model", equalTo("gpt-4o"))));
        assertThat(upstreams.of("openai-a").findAll(postRequestedFor(urlPathEqualTo(CHAT))
                .withHeader("Authorization", equalTo("Bearer " + KEY_B)))).isEmpty();
    }

    @Test
    void aDeploymentThatFailsGivesItsShareToTheOtherAndOnlyItsOwnCircuitOpens() {
        upstreams.of("openai-a").stubFor(post(urlPathEqualTo(CHAT)).willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"The engine is currently overloaded, please try again later.\","
                        + "\"type\":\"server_error\",\"param\":null,\"code\":null}}")));

        var first = ask("spread");
        // The failed deployment was retried once, then the route's other deployment answered: no other route was tried.
        assertThat(first.header(GatewayHeaders.ROUTE)).isEqualTo("spread@key-b");
        for (int i = 0; i < 19; i++) {
            assertThat(ask("spread").header(GatewayHeaders.ROUTE)).isEqualTo("spread@key-b");
        }

        assertThat(calls(upstreams.of("openai-b"))).isEqualTo(20);
        // Key A's route circuit took it out after a few failures: it no longer gets its three quarters.
        assertThat(calls(upstreams.of("openai-a"))).isLessThanOrEqualTo(6);
        ProviderInstances instances = Arc.container().instance(ProviderInstances.class).get();
        ProviderBreakers breakers = Arc.container().instance(ProviderBreakers.class).get();
        assertThat(breakers.state(instances.named("openai-b").orElseThrow())).isEqualTo(CircuitBreakerState.CLOSED);

        List<Map<String, Object>> routes = given().get("/admin/status").then().statusCode(200).extract().path("routes");
        assertThat(routes).filteredOn(r -> "spread".equals(r.get("name"))).singleElement().satisfies(r -> {
            assertThat(r).containsEntry("available", true).containsEntry("balance", "weighted");
            assertThat(r.get("deployments")).asList().hasSize(2);
        });
        assertThat(routes).filteredOn(r -> "spread@key-a".equals(r.get("name"))).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("provider", "openai-a").containsEntry("available", false));
        assertThat(routes).filteredOn(r -> "spread@key-b".equals(r.get("name"))).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("provider", "openai-b").containsEntry("available", true));
        String metrics = given().get("/q/metrics").then().extract().asString();
        assertThat(metrics).contains("switchboard_route_available{gen_ai_provider_name=\"openai\",switchboard_provider_instance=\"openai-a\",switchboard_route=\"spread@key-a\"} 0.0");
    }

    @Test
    void aLatencyBalancedRouteSendsTrafficToTheFasterDeployment() {
        // Warm both keys' connections through the other route first: the very first call of a cold gateway is
        // slow whichever deployment takes it (see the exploration below for how that is outlived).
        ask("spread");
        ask("spread");
        answers(upstreams.of("openai-b"), 500);
        for (int i = 0; i < 10; i++) {
            ask("fastest");
        }
        int slowBefore = calls(upstreams.of("openai-b"));

        Map<String, Integer> answeredBy = new HashMap<>();
        for (int i = 0; i < 20; i++) {
            answeredBy.merge(ask("fastest").header(GatewayHeaders.ROUTE), 1, Integer::sum);
        }
        // All but the one request in ten that measures the slower one again.
        assertThat(answeredBy.getOrDefault("fastest@key-a", 0)).isEqualTo(18);
        assertThat(calls(upstreams.of("openai-b")) - slowBefore).isEqualTo(2);
    }
}
