package dev.switchboard.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import dev.switchboard.api.GatewayHeaders;
import dev.switchboard.health.ProviderBreakers;
import dev.switchboard.support.FreshGateway;
import dev.switchboard.support.InstanceEmulators;
import dev.switchboard.support.ProviderEmulator;
import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;

/**
 * Two OpenAI-compatible servers side by side as named instances ({@code vllm} and {@code groq}), each
 * on its own emulator with its own URL, key and timeout: they share one typed REST client but never a
 * fate. One failing opens its own breaker only; the other keeps its circuit closed and takes the traffic.
 */
@QuarkusTest
@TestProfile(NamedInstancesTest.TwoServers.class)
class NamedInstancesTest extends FreshGateway {

    static final String GROQ_KEY = "gsk-test-groq-5555";

    InstanceEmulators.Servers upstreams;

    public static class TwoServers implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            // groq's URL with a trailing slash, as users write it.
            return InstanceEmulators.of("vllm", "/v1", "groq", "/openai/v1/");
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.ofEntries(
                    Map.entry("switchboard.providers.vllm.type", "openai-compatible"),
                    Map.entry("switchboard.providers.vllm.timeout-ms", "400"),
                    // Its breaker judges 2 calls (the default 5 would outlast the route's own circuit, which opens after 3 errors).
                    Map.entry("switchboard.providers.vllm.breaker.window", "2"),
                    Map.entry("switchboard.providers.groq.type", "openai-compatible"),
                    Map.entry("switchboard.providers.groq.api-key-env", "TEST_GROQ_API_KEY"),
                    // The variable the key is read from; config properties stand in for the environment here.
                    Map.entry("TEST_GROQ_API_KEY", GROQ_KEY),
                    Map.entry("switchboard.routes.llama-local.provider", "vllm"),
                    Map.entry("switchboard.routes.llama-local.model", "meta-llama/Llama-3.1-8B-Instruct"),
                    Map.entry("switchboard.routes.llama-local.input-price", "0"),
                    Map.entry("switchboard.routes.llama-local.output-price", "0"),
                    Map.entry("switchboard.routes.llama-local.fallbacks", "llama-groq"),
                    Map.entry("switchboard.routes.llama-groq.provider", "groq"),
                    Map.entry("switchboard.routes.llama-groq.model", "llama-3.1-8b-instant"),
                    Map.entry("switchboard.routes.llama-groq.input-price", "0.05"),
                    Map.entry("switchboard.routes.llama-groq.output-price", "0.08"),
                    Map.entry("switchboard.probes.enabled", "false"));
        }
    }

    @BeforeEach
    void answerEverywhere() {
        upstreams.resetAll();
        answers(upstreams.of("vllm"), "/v1/chat/completions", "meta-llama/Llama-3.1-8B-Instruct", "from vllm");
        answers(upstreams.of("groq"), "/openai/v1/chat/completions", "llama-3.1-8b-instant", "from groq");
    }

    private static void answers(WireMockServer server, String path, String model, String text) {
        server.stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1733000000,\"model\":\""
                        + model + "\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\""
                        + text + "\"},\"finish_reason\":\"stop\"}],"
                        + "\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":3,\"total_tokens\":12}}")));
    }

    private static io.restassured.response.Response ask(String model) {
        return given().contentType(ContentType.JSON)
                .header("Authorization", "Bearer " + ProviderEmulator.GATEWAY_KEY)
                .body("{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Say hi\"}]}")
                .post("/v1/chat/completions");
    }

    @Test
    void eachInstanceIsCalledAtItsOwnUrlWithItsOwnKey() {
        assertThat(ask("llama-local").then().statusCode(200).extract().path("choices[0].message.content").toString())
                .isEqualTo("from vllm");
        assertThat(ask("llama-groq").then().statusCode(200).extract().path("choices[0].message.content").toString())
                .isEqualTo("from groq");

        upstreams.of("vllm").verify(1, postRequestedFor(urlPathEqualTo("/v1/chat/completions"))
                .withHeader("Authorization", absent())
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath("$.model",
                        equalTo("meta-llama/Llama-3.1-8B-Instruct"))));
        upstreams.of("groq").verify(1, postRequestedFor(urlPathEqualTo("/openai/v1/chat/completions"))
                .withHeader("Authorization", equalTo("Bearer " + GROQ_KEY))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath("$.model",
                        equalTo("llama-3.1-8b-instant"))));
    }

    @Test
    void anAdHocModelNamesTheInstance() {
        ask("groq/llama-3.3-70b-versatile").then().statusCode(200);

        upstreams.of("groq").verify(1, postRequestedFor(urlPathEqualTo("/openai/v1/chat/completions"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath("$.model",
                        equalTo("llama-3.3-70b-versatile"))));
        assertThat(upstreams.of("vllm").getAllServeEvents()).isEmpty();
    }

    @Test
    void oneInstanceFailingOpensOnlyItsOwnBreaker() {
        upstreams.of("vllm").stubFor(post(urlPathEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"engine crashed\",\"type\":\"server_error\",\"param\":null,\"code\":null}}")));

        for (int i = 0; i < 8; i++) {
            var answered = ask("llama-local").then().statusCode(200).extract();
            assertThat(answered.header(GatewayHeaders.ROUTE)).isEqualTo("llama-groq");
        }

        ProviderBreakers breakers = Arc.container().instance(ProviderBreakers.class).get();
        ProviderInstances instances = Arc.container().instance(ProviderInstances.class).get();
        ProviderId vllm = instances.named("vllm").orElseThrow();
        ProviderId groq = instances.named("groq").orElseThrow();
        assertThat(breakers.state(vllm)).isEqualTo(CircuitBreakerState.OPEN);
        assertThat(breakers.state(groq)).isEqualTo(CircuitBreakerState.CLOSED);
        // The API's backstop, shared by both, saw too few failures in a row to open.
        assertThat(CircuitBreakerMaintenance.get().currentState(ProviderPolicy.OPENAI_COMPATIBLE_BACKSTOP))
                .isEqualTo(CircuitBreakerState.CLOSED);
        // Once out, vllm is not called: far fewer calls than the 16 that 8 requests with one retry each would make.
        assertThat(upstreams.of("vllm").getAllServeEvents()).hasSizeLessThanOrEqualTo(4);
        assertThat(upstreams.of("groq").getAllServeEvents()).hasSize(8);

        List<Map<String, Object>> providers = given().get("/admin/status").then().statusCode(200).extract().path("providers");
        assertThat(providers).filteredOn(p -> "vllm".equals(p.get("name"))).singleElement()
                .satisfies(p -> assertThat(p).containsEntry("type", "openai-compatible").containsEntry("breaker", "open"));
        assertThat(providers).filteredOn(p -> "groq".equals(p.get("name"))).singleElement()
                .satisfies(p -> assertThat(p).containsEntry("type", "openai-compatible").containsEntry("breaker", "closed"));
        List<Map<String, Object>> routes = given().get("/admin/status").then().extract().path("routes");
        assertThat(routes).filteredOn(r -> "llama-local".equals(r.get("name"))).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("provider", "vllm").containsEntry("available", false));
        assertThat(routes).filteredOn(r -> "llama-groq".equals(r.get("name"))).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("provider", "groq").containsEntry("available", true));
    }

    @Test
    void anInstanceTimesOutAfterItsOwnTimeout() {
        // vllm's timeout is 400 ms; the test profile's default for the others is 1 s, groq's the 10 s default.
        upstreams.of("vllm").stubFor(post(urlPathEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(200)
                .withFixedDelay(2_000).withHeader("Content-Type", "application/json").withBody("{}")));
        upstreams.of("groq").stubFor(post(urlPathEqualTo("/openai/v1/chat/completions")).willReturn(aResponse().withStatus(200)
                .withFixedDelay(700).withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"c\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"llama-3.1-8b-instant\","
                        + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"slow but there\"},"
                        + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":3,\"total_tokens\":12}}")));

        var answered = ask("llama-local").then().statusCode(200).extract();

        assertThat(answered.header(GatewayHeaders.ROUTE)).isEqualTo("llama-groq");
        assertThat(answered.path("choices[0].message.content").toString()).isEqualTo("slow but there");
        // A silent route is not retried (F6): one call to vllm, abandoned at its own limit.
        assertThat(upstreams.of("vllm").getAllServeEvents()).hasSize(1);
    }

    @Test
    void metricsNameTheInstance() {
        ask("llama-groq").then().statusCode(200);
        ask("llama-local").then().statusCode(200);

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics.lines().filter(line -> line.startsWith("gen_ai_client_operation_duration_seconds_count")))
                .anySatisfy(line -> assertThat(line).contains("gen_ai_provider_name=\"openai_compatible\"")
                        .contains("switchboard_provider_instance=\"groq\"").contains("switchboard_route=\"llama-groq\""))
                .anySatisfy(line -> assertThat(line).contains("switchboard_provider_instance=\"vllm\""));
        assertThat(metrics).doesNotContain(GROQ_KEY);
    }
}
