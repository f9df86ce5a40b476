package dev.switchboard.provider.azure;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.net.URL;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;

import dev.switchboard.api.GatewayHeaders;
import dev.switchboard.health.ProviderBreakers;
import dev.switchboard.provider.ProviderFailure;
import dev.switchboard.provider.ProviderId;
import dev.switchboard.provider.ProviderInstances;
import dev.switchboard.provider.ProviderPolicy;
import dev.switchboard.support.Fixtures;
import dev.switchboard.support.FreshGateway;
import dev.switchboard.support.OpenAiSdk;
import dev.switchboard.support.ProviderEmulator;
import dev.switchboard.support.stream.StreamedReply;
import io.quarkus.arc.Arc;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;

/**
 * Azure OpenAI as named instances: two resources ({@code azure-eu} and {@code azure-us}), each on its
 * own emulator with its own URL, key and api-version, answering with the fixtures of Azure's public
 * reference; and a simulated one ({@code azure-sim}). Every route's model is a deployment's name.
 */
@QuarkusTest
@TestProfile(AzureOpenAiTest.TwoResources.class)
class AzureOpenAiTest extends FreshGateway {

    /** Azure keys are 32 hexadecimal characters. */
    static final String EU_KEY = "3f9c1e7a5b2d4c6e8f0a1b3c5d7e9f21";
    static final String US_KEY = "8a6b4c2d0e1f3a5b7c9d1e3f5a7b9c04";
    static final String EU_CHAT = "/openai/deployments/my-gpt4o-deployment/chat/completions";
    static final String US_CHAT = "/openai/deployments/gpt-4o-us/chat/completions";
    static final String EU_EMBEDDINGS = "/openai/deployments/my-embedding-deployment/embeddings";
    static final String GA_VERSION = "2024-10-21";
    static final String US_VERSION = "2025-04-01-preview";

    /** The two resources; not fields of type WireMockServer, which the suite's global emulator fills with itself. */
    record Resources(WireMockServer eu, WireMockServer us) {
    }

    Resources resources;

    @TestHTTPResource("/v1")
    URL gateway;

    public static class TwoResources implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(Servers.class));
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.ofEntries(
                    Map.entry("switchboard.providers.azure-eu.type", "azure-openai"),
                    Map.entry("switchboard.providers.azure-eu.api-key-env", "TEST_AZURE_EU_API_KEY"),
                    // The variable the key is read from; config properties stand in for the environment here.
                    Map.entry("TEST_AZURE_EU_API_KEY", EU_KEY),
                    Map.entry("switchboard.providers.azure-eu.timeout-ms", "2000"),
                    // Its breaker judges 2 calls, so one request's call and retry can open it.
                    Map.entry("switchboard.providers.azure-eu.breaker.window", "2"),
                    Map.entry("switchboard.providers.azure-us.type", "azure-openai"),
                    Map.entry("switchboard.providers.azure-us.api-key", US_KEY),
                    Map.entry("switchboard.providers.azure-us.api-version", US_VERSION),
                    Map.entry("switchboard.providers.azure-us.timeout-ms", "2000"),
                    Map.entry("switchboard.providers.azure-sim.type", "azure-openai"),
                    Map.entry("switchboard.providers.azure-sim.simulated", "true"),
                    Map.entry("switchboard.routes.gpt-4o-azure.provider", "azure-eu"),
                    Map.entry("switchboard.routes.gpt-4o-azure.model", "my-gpt4o-deployment"),
                    Map.entry("switchboard.routes.gpt-4o-azure.input-price", "2.50"),
                    Map.entry("switchboard.routes.gpt-4o-azure.output-price", "10.00"),
                    Map.entry("switchboard.routes.gpt-4o-azure.fallbacks", "gpt-4o-azure-us"),
                    Map.entry("switchboard.routes.gpt-4o-azure-us.provider", "azure-us"),
                    Map.entry("switchboard.routes.gpt-4o-azure-us.model", "gpt-4o-us"),
                    Map.entry("switchboard.routes.gpt-4o-azure-us.input-price", "2.50"),
                    Map.entry("switchboard.routes.gpt-4o-azure-us.output-price", "10.00"),
                    Map.entry("switchboard.routes.gpt-4o-azure-sim.provider", "azure-sim"),
                    Map.entry("switchboard.routes.gpt-4o-azure-sim.model", "my-sim-deployment"),
                    Map.entry("switchboard.embedding-routes.embed-azure.provider", "azure-eu"),
                    Map.entry("switchboard.embedding-routes.embed-azure.model", "my-embedding-deployment"),
                    Map.entry("switchboard.embedding-routes.embed-azure.dimensions", "4"),
                    Map.entry("switchboard.embedding-routes.embed-azure.input-price", "0.02"),
                    Map.entry("switchboard.embedding-routes.embed-azure-sim.provider", "azure-sim"),
                    Map.entry("switchboard.embedding-routes.embed-azure-sim.model", "my-sim-embeddings"),
                    Map.entry("switchboard.embedding-routes.embed-azure-sim.dimensions", "4"),
                    Map.entry("switchboard.probes.enabled", "false"));
        }
    }

    /** Starts the two resources' emulators; azure-us's URL ends in a slash, as users copy it from the portal. */
    public static class Servers implements QuarkusTestResourceLifecycleManager {
        private Resources resources;

        @Override
        public Map<String, String> start() {
            resources = new Resources(started(), started());
            return Map.of(
                    "switchboard.providers.azure-eu.url", "http://localhost:" + resources.eu().port(),
                    "switchboard.providers.azure-us.url", "http://localhost:" + resources.us().port() + "/");
        }

        private static WireMockServer started() {
            WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort()
                    .asynchronousResponseEnabled(true).containerThreads(10));
            server.start();
            return server;
        }

        @Override
        public void stop() {
            resources.eu().stop();
            resources.us().stop();
        }

        @Override
        public void inject(TestInjector injector) {
            injector.injectIntoFields(resources, new TestInjector.MatchesType(Resources.class));
        }
    }

    @BeforeEach
    void answerEverywhere() {
        resources.eu().resetAll();
        resources.us().resetAll();
        resources.eu().stubFor(post(urlPathEqualTo(EU_CHAT)).willReturn(json(200, "chat-completion.json")));
        resources.us().stubFor(post(urlPathEqualTo(US_CHAT)).willReturn(json(200, "chat-completion.json")
                .withBody(Fixtures.text("azure/chat-completion.json").replace("Ahoy!", "Howdy!"))));
    }

    private static ResponseDefinitionBuilder json(int status, String fixture) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withHeader("apim-request-id", "6c1a9e34-2b7f-4d0e-9a51-3f8e2d7c4b10")
                .withBody(Fixtures.text("azure/" + fixture));
    }

    private static String body(String model) {
        return "{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"system\",\"content\":\"You talk like a pirate.\"},"
                + "{\"role\":\"user\",\"content\":\"Can you tell me how to care for a parrot?\"}],\"max_tokens\":200}";
    }

    private static io.restassured.response.Response ask(String body) {
        return given().contentType(ContentType.JSON).header("Authorization", "Bearer " + ProviderEmulator.GATEWAY_KEY)
                .body(body).post("/v1/chat/completions");
    }

    private static List<LoggedRequest> calls(WireMockServer server, String path) {
        return server.findAll(postRequestedFor(urlPathEqualTo(path)));
    }

    @Test
    void aWholeAnswerComesFromTheDeploymentWithTheInstancesKeyAndVersion() {
        var answered = ask(body("gpt-4o-azure")).then().statusCode(200)
                .header(GatewayHeaders.ROUTE, "gpt-4o-azure")
                .body("model", equalTo("gpt-4o-2024-08-06"))
                .body("choices[0].message.content", startsWith("Ahoy! A parrot needs a roomy cage"))
                .body("choices[0].finish_reason", equalTo("stop"))
                .body("usage.prompt_tokens", equalTo(33))
                .body("usage.completion_tokens", equalTo(17))
                .body("usage.total_tokens", equalTo(50))
                .extract();

        assertThat(answered.header(GatewayHeaders.ATTEMPTS)).isEqualTo("1");
        resources.eu().verify(1, postRequestedFor(urlPathEqualTo(EU_CHAT))
                .withQueryParam("api-version", WireMock.equalTo(GA_VERSION))
                .withHeader("api-key", WireMock.equalTo(EU_KEY))
                .withHeader("Authorization", absent())
                .withRequestBody(matchingJsonPath("$.messages[0].role", WireMock.equalTo("system")))
                .withRequestBody(matchingJsonPath("$.messages[1].content", WireMock.equalTo("Can you tell me how to care for a parrot?")))
                .withRequestBody(matchingJsonPath("$.max_tokens", WireMock.equalTo("200"))));
        assertThat(resources.us().getAllServeEvents()).isEmpty();
    }

    @Test
    void eachInstanceHasItsOwnUrlKeyAndApiVersion() {
        ask(body("gpt-4o-azure-us")).then().statusCode(200)
                .header(GatewayHeaders.ROUTE, "gpt-4o-azure-us")
                .body("choices[0].message.content", startsWith("Howdy!"));

        // azure-us's URL ends in a slash: the path has no double one.
        resources.us().verify(1, postRequestedFor(urlPathEqualTo(US_CHAT))
                .withQueryParam("api-version", WireMock.equalTo(US_VERSION))
                .withHeader("api-key", WireMock.equalTo(US_KEY))
                .withHeader("Authorization", absent()));
        assertThat(resources.eu().getAllServeEvents()).isEmpty();
    }

    @Test
    void aStreamSkipsAzuresFilterReportAndEndsWithTheUsage() {
        resources.eu().stubFor(post(urlPathEqualTo(EU_CHAT)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/event-stream; charset=utf-8")
                .withBody(Fixtures.text("azure/chat-completion-stream.sse"))));

        StreamedReply reply = StreamedReply.post(body("gpt-4o-azure").replace("\"max_tokens\":200",
                "\"max_tokens\":200,\"stream\":true,\"stream_options\":{\"include_usage\":true}"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header(GatewayHeaders.ROUTE)).isEqualTo("gpt-4o-azure");
        List<JsonNode> chunks = reply.chunks();
        assertThat(chunks).allSatisfy(chunk -> {
            assertThat(chunk.path("id").asText()).startsWith("chatcmpl-");
            assertThat(chunk.path("model").asText()).isEqualTo("gpt-4o-2024-08-06");
        });
        StringBuilder text = new StringBuilder();
        chunks.forEach(chunk -> text.append(chunk.path("choices").path(0).path("delta").path("content").asText("")));
        assertThat(text).hasToString("Ahoy! A parrot needs a roomy cage.");
        assertThat(chunks).filteredOn(chunk -> chunk.path("choices").path(0).path("finish_reason").asText("").equals("stop"))
                .hasSize(1);
        JsonNode last = chunks.get(chunks.size() - 1);
        assertThat(last.path("usage").path("prompt_tokens").asInt()).isEqualTo(21);
        assertThat(last.path("usage").path("completion_tokens").asInt()).isEqualTo(9);
        assertThat(reply.endsWithDone()).isTrue();
        assertThat(reply.error()).isEmpty();

        resources.eu().verify(1, postRequestedFor(urlPathEqualTo(EU_CHAT))
                .withQueryParam("api-version", WireMock.equalTo(GA_VERSION))
                .withHeader("api-key", WireMock.equalTo(EU_KEY))
                .withHeader("Authorization", absent())
                .withRequestBody(matchingJsonPath("$.stream", WireMock.equalTo("true")))
                .withRequestBody(matchingJsonPath("$.stream_options.include_usage", WireMock.equalTo("true"))));
    }

    @Test
    void embeddingsComeFromTheEmbeddingsDeployment() {
        resources.eu().stubFor(post(urlPathEqualTo(EU_EMBEDDINGS)).willReturn(json(200, "embeddings.json")));

        given().contentType(ContentType.JSON).header("Authorization", "Bearer " + ProviderEmulator.GATEWAY_KEY)
                .body("{\"model\":\"embed-azure\",\"input\":[\"this is a test\",\"and another\"]}")
                .post("/v1/embeddings").then().statusCode(200)
                .body("data.size()", equalTo(2))
                .body("data[1].index", equalTo(1))
                .body("data[0].embedding.size()", equalTo(4))
                .body("data[0].embedding[0]", equalTo(-0.012838088f))
                .body("usage.prompt_tokens", equalTo(8));

        resources.eu().verify(1, postRequestedFor(urlPathEqualTo(EU_EMBEDDINGS))
                .withQueryParam("api-version", WireMock.equalTo(GA_VERSION))
                .withHeader("api-key", WireMock.equalTo(EU_KEY))
                .withHeader("Authorization", absent())
                .withRequestBody(matchingJsonPath("$.input[1]", WireMock.equalTo("and another")))
                .withRequestBody(matchingJsonPath("$.dimensions", WireMock.equalTo("4")))
                .withRequestBody(matchingJsonPath("$.encoding_format", WireMock.equalTo("float"))));
    }

    @Test
    void theContentFiltersRefusalReachesTheCallerWithoutFailover() {
        resources.eu().stubFor(post(urlPathEqualTo(EU_CHAT)).willReturn(json(400, "error-content-filter.json")));

        ask(body("gpt-4o-azure")).then().statusCode(400)
                .body("error.code", equalTo("content_filter"))
                .body("error.message", containsString("triggering Azure OpenAI's content management policy"));

        assertThat(calls(resources.eu(), EU_CHAT)).as("never retried").hasSize(1);
        assertThat(resources.us().getAllServeEvents()).as("never routed around").isEmpty();
    }

    @Test
    void aCompletionTheFilterWithheldIsAnsweredAsFiltered() {
        resources.eu().stubFor(post(urlPathEqualTo(EU_CHAT)).willReturn(json(200, "chat-completion-filtered.json")));

        ask(body("gpt-4o-azure")).then().statusCode(200)
                .header(GatewayHeaders.ROUTE, "gpt-4o-azure")
                .body("choices[0].finish_reason", equalTo("content_filter"))
                .body("choices[0].message.content", equalTo(""));

        assertThat(resources.us().getAllServeEvents()).isEmpty();
    }

    @Test
    void aRateLimitFailsOverAtOnceAndTheResourceCoolsDown() {
        resources.eu().stubFor(post(urlPathEqualTo(EU_CHAT)).willReturn(json(429, "error-rate-limit.json")
                .withHeader("retry-after", "30").withHeader("retry-after-ms", "30000")
                .withHeader("x-ratelimit-remaining-tokens", "0")));

        ask(body("gpt-4o-azure")).then().statusCode(200)
                .header(GatewayHeaders.ROUTE, "gpt-4o-azure-us").header(GatewayHeaders.ATTEMPTS, "2")
                .body("choices[0].message.content", startsWith("Howdy!"));
        ask(body("gpt-4o-azure")).then().statusCode(200)
                .header(GatewayHeaders.ROUTE, "gpt-4o-azure-us").header(GatewayHeaders.ATTEMPTS, "1");

        assertThat(calls(resources.eu(), EU_CHAT)).as("the cooling resource is not called again").hasSize(1);
        assertThat(calls(resources.us(), US_CHAT)).hasSize(2);
    }

    @Test
    void onTheLastRouteTheExactRetryAfterMsIsWaitedOut() {
        resources.eu().stubFor(post(urlPathEqualTo(EU_CHAT)).inScenario("limited").whenScenarioStateIs(Scenario.STARTED)
                // Whole seconds would be 5 s; the milliseconds say 600.
                .willReturn(json(429, "error-rate-limit.json").withHeader("retry-after", "5")
                        .withHeader("retry-after-ms", "600"))
                .willSetStateTo("recovered"));
        resources.eu().stubFor(post(urlPathEqualTo(EU_CHAT)).inScenario("limited").whenScenarioStateIs("recovered")
                .willReturn(json(200, "chat-completion.json")));

        ask(body("gpt-4o-azure").replace("\"max_tokens\":200", "\"max_tokens\":200,\"fallbacks\":[]")).then()
                .statusCode(200).header(GatewayHeaders.ROUTE, "gpt-4o-azure").header(GatewayHeaders.ATTEMPTS, "2");

        List<LoggedRequest> calls = calls(resources.eu(), EU_CHAT).stream()
                .sorted(Comparator.comparing(LoggedRequest::getLoggedDate)).toList();
        assertThat(calls).hasSize(2);
        long gap = calls.get(1).getLoggedDate().getTime() - calls.get(0).getLoggedDate().getTime();
        assertThat(gap).as("never sooner than retry-after-ms, and not the whole seconds").isBetween(600L, 4_500L);
    }

    @Test
    void aRejectedKeyMarksOnlyThatResourceAndFailsOver() {
        resources.eu().stubFor(post(urlPathEqualTo(EU_CHAT)).willReturn(json(401, "error-unauthorized.json")));

        for (int i = 0; i < 3; i++) {
            ask(body("gpt-4o-azure")).then().statusCode(200).header(GatewayHeaders.ROUTE, "gpt-4o-azure-us");
        }

        assertThat(calls(resources.eu(), EU_CHAT)).as("one call ever: no retry, then the resource is skipped").hasSize(1);
        assertThat(calls(resources.us(), US_CHAT)).hasSize(3);
    }

    @Test
    void aServerErrorOnceIsRetriedOnTheSameDeployment() {
        resources.eu().stubFor(post(urlPathEqualTo(EU_CHAT)).inScenario("blip").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(500, "error-server.json")).willSetStateTo("fine"));
        resources.eu().stubFor(post(urlPathEqualTo(EU_CHAT)).inScenario("blip").whenScenarioStateIs("fine")
                .willReturn(json(200, "chat-completion.json")));

        ask(body("gpt-4o-azure")).then().statusCode(200)
                .header(GatewayHeaders.ROUTE, "gpt-4o-azure").header(GatewayHeaders.ATTEMPTS, "2")
                .body("choices[0].message.content", startsWith("Ahoy!"));

        assertThat(calls(resources.eu(), EU_CHAT)).hasSize(2);
        assertThat(resources.us().getAllServeEvents()).isEmpty();
    }

    @Test
    void anAnswerThatIsNotTheSchemaFailsOver() {
        resources.eu().stubFor(post(urlPathEqualTo(EU_CHAT)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"chatcmpl-x\",\"object\":\"chat.completion\",\"choices\":[]}")));

        ask(body("gpt-4o-azure")).then().statusCode(200).header(GatewayHeaders.ROUTE, "gpt-4o-azure-us");

        assertThat(calls(resources.eu(), EU_CHAT)).hasSize(1);
    }

    @Test
    void oneResourceFailingOpensOnlyItsOwnBreaker() {
        resources.eu().stubFor(post(urlPathEqualTo(EU_CHAT)).willReturn(json(500, "error-server.json")));

        for (int i = 0; i < 6; i++) {
            ask(body("gpt-4o-azure")).then().statusCode(200).header(GatewayHeaders.ROUTE, "gpt-4o-azure-us");
        }

        ProviderBreakers breakers = Arc.container().instance(ProviderBreakers.class).get();
        ProviderInstances instances = Arc.container().instance(ProviderInstances.class).get();
        assertThat(breakers.state(instances.named("azure-eu").orElseThrow())).isEqualTo(CircuitBreakerState.OPEN);
        assertThat(breakers.state(instances.named("azure-us").orElseThrow())).isEqualTo(CircuitBreakerState.CLOSED);
        assertThat(breakers.state(ProviderId.OPENAI_COMPATIBLE)).isEqualTo(CircuitBreakerState.CLOSED);
        // The API's backstop, shared by both resources, saw too few failures to open.
        assertThat(CircuitBreakerMaintenance.get().currentState(ProviderPolicy.AZURE_OPENAI_BACKSTOP))
                .isEqualTo(CircuitBreakerState.CLOSED);
        assertThat(calls(resources.eu(), EU_CHAT)).as("once out, azure-eu is not called").hasSizeLessThanOrEqualTo(4);
        assertThat(calls(resources.us(), US_CHAT)).hasSize(6);

        List<Map<String, Object>> providers = given().get("/admin/status").then().statusCode(200).extract().path("providers");
        assertThat(providers).filteredOn(p -> "azure-eu".equals(p.get("name"))).singleElement()
                .satisfies(p -> assertThat(p).containsEntry("type", "azure-openai").containsEntry("breaker", "open"));
        assertThat(providers).filteredOn(p -> "azure-us".equals(p.get("name"))).singleElement()
                .satisfies(p -> assertThat(p).containsEntry("type", "azure-openai").containsEntry("breaker", "closed"));
    }

    @Test
    void metricsNameAzureAndTheInstance() {
        ask(body("gpt-4o-azure")).then().statusCode(200);

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics.lines().filter(line -> line.startsWith("gen_ai_client_operation_duration_seconds_count")))
                .anySatisfy(line -> assertThat(line).contains("gen_ai_provider_name=\"azure.ai.openai\"")
                        .contains("switchboard_provider_instance=\"azure-eu\"").contains("switchboard_route=\"gpt-4o-azure\""));
        assertThat(metrics).doesNotContain(EU_KEY);
    }

    @Test
    void theProbeAsksForTheModelListWithTheSameKeyAndVersion() {
        AzureOpenAiAdapter adapter = Arc.container().instance(AzureOpenAiAdapter.class).get();
        ProviderId eu = Arc.container().instance(ProviderInstances.class).get().named("azure-eu").orElseThrow();
        resources.eu().stubFor(get(urlPathEqualTo("/openai/models")).willReturn(json(200, "models-list.json")));

        adapter.probe(eu).await().atMost(Duration.ofSeconds(5));

        resources.eu().verify(1, WireMock.getRequestedFor(urlPathEqualTo("/openai/models"))
                .withQueryParam("api-version", WireMock.equalTo(GA_VERSION)).withHeader("api-key", WireMock.equalTo(EU_KEY)));

        resources.eu().stubFor(get(urlPathEqualTo("/openai/models")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody("<html><body>Service Unavailable</body></html>")));
        assertThatThrownBy(() -> adapter.probe(eu).await().atMost(Duration.ofSeconds(5)))
                .isInstanceOf(ProviderFailure.MalformedResponse.class);

        resources.eu().stubFor(get(urlPathEqualTo("/openai/models")).willReturn(json(401, "error-unauthorized.json")));
        assertThatThrownBy(() -> adapter.probe(eu).await().atMost(Duration.ofSeconds(5)))
                .isInstanceOf(ProviderFailure.AuthRejected.class);
    }

    @Test
    void aSimulatedInstanceAnswersWholeStreamedAndEmbeddings() {
        ask(body("gpt-4o-azure-sim")).then().statusCode(200)
                .header(GatewayHeaders.ROUTE, "gpt-4o-azure-sim")
                .body("model", equalTo("my-sim-deployment"))
                .body("choices[0].message.content", containsString("simulated"));

        StreamedReply reply = StreamedReply.post(body("gpt-4o-azure-sim").replace("\"max_tokens\":200",
                "\"max_tokens\":200,\"stream\":true"));
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.chunks()).isNotEmpty().allSatisfy(chunk ->
                assertThat(chunk.path("model").asText()).isEqualTo("my-sim-deployment"));
        assertThat(reply.endsWithDone()).isTrue();
        given().contentType(ContentType.JSON).header("Authorization", "Bearer " + ProviderEmulator.GATEWAY_KEY)
                .body("{\"model\":\"embed-azure-sim\",\"input\":\"this is a test\"}")
                .post("/v1/embeddings").then().statusCode(200)
                .body("data[0].embedding.size()", equalTo(4));
        assertThat(resources.eu().getAllServeEvents()).isEmpty();
        assertThat(resources.us().getAllServeEvents()).isEmpty();
    }

    @Test
    void theOpenAiSdkIsAnsweredByAnAzureDeployment() {
        ChatCompletion completion = OpenAiSdk.client(gateway).chat().completions().create(ChatCompletionCreateParams.builder()
                .model("gpt-4o-azure").addSystemMessage("You talk like a pirate.")
                .addUserMessage("Can you tell me how to care for a parrot?").build());

        assertThat(completion.model()).isEqualTo("gpt-4o-2024-08-06");
        assertThat(completion.choices().get(0).message().content()).hasValueSatisfying(
                content -> assertThat(content).startsWith("Ahoy! A parrot needs a roomy cage"));
        assertThat(completion.choices().get(0).finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.STOP);
        assertThat(completion.usage().orElseThrow().totalTokens()).isEqualTo(50);
        resources.eu().verify(1, postRequestedFor(urlPathEqualTo(EU_CHAT))
                .withQueryParam("api-version", WireMock.equalTo(GA_VERSION)).withHeader("api-key", WireMock.equalTo(EU_KEY)));
    }
}
