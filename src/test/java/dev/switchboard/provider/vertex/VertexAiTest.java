package dev.switchboard.provider.vertex;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Signature;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import dev.switchboard.api.GatewayHeaders;
import dev.switchboard.provider.ProviderFailure;
import dev.switchboard.provider.ProviderId;
import dev.switchboard.provider.ProviderInstances;
import dev.switchboard.support.Fixtures;
import dev.switchboard.support.FreshGateway;
import dev.switchboard.support.LogCapture;
import dev.switchboard.support.ProviderEmulator;
import io.quarkus.arc.Arc;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.smallrye.mutiny.Uni;

/**
 * Gemini on Vertex AI through the gateway, against an emulator of the three hosts a vertex-ai
 * instance talks to: Google's token endpoint (a service-account instance, {@code vertex-eu}, in
 * europe-west4), the metadata server (a workload-identity instance, {@code vertex-global}, at the
 * global endpoint) and Vertex AI itself. A simulated OpenAI-compatible instance is the route failed
 * over to.
 */
@QuarkusTest
@TestProfile(VertexAiTest.VertexProfile.class)
class VertexAiTest extends FreshGateway {

    static final String MODEL = "gemini-2.5-flash";
    static final String EU_PATH = "/v1/projects/test-project/locations/europe-west4/publishers/google/models/"
            + MODEL + ":generateContent";
    static final String EU_STREAM_PATH = "/v1/projects/test-project/locations/europe-west4/publishers/google/models/"
            + MODEL + ":streamGenerateContent";
    static final String GLOBAL_PATH = "/v1/projects/test-project/locations/global/publishers/google/models/"
            + MODEL + ":generateContent";
    static final String TOKEN_PATH = "/token";
    static final String METADATA_PATH = "/computeMetadata/v1/instance/service-accounts/default/token";
    static final String SA_TOKEN = "ya29.c.test-service-account-token-1";
    static final String MD_TOKEN = "ya29.c.test-metadata-token-1";

    /** The emulator and the service account; not a WireMockServer field, which the suite's global emulator fills. */
    record Google(WireMockServer server, TestServiceAccount account) {
    }

    Google google;

    private final LogCapture logs = new LogCapture();

    public static class VertexProfile implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(GoogleEmulator.class));
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.ofEntries(
                    Map.entry("switchboard.providers.vertex-eu.type", "vertex-ai"),
                    Map.entry("switchboard.providers.vertex-eu.project", "test-project"),
                    Map.entry("switchboard.providers.vertex-eu.location", "europe-west4"),
                    Map.entry("switchboard.providers.vertex-eu.credentials", "service-account"),
                    Map.entry("switchboard.providers.vertex-global.type", "vertex-ai"),
                    Map.entry("switchboard.providers.vertex-global.project", "test-project"),
                    Map.entry("switchboard.providers.vertex-global.location", "global"),
                    Map.entry("switchboard.providers.vertex-global.credentials", "metadata"),
                    Map.entry("switchboard.providers.vertex-sim.type", "vertex-ai"),
                    Map.entry("switchboard.providers.vertex-sim.simulated", "true"),
                    Map.entry("switchboard.providers.backup.type", "openai-compatible"),
                    Map.entry("switchboard.providers.backup.simulated", "true"),
                    Map.entry("switchboard.routes.gemini-vertex.provider", "vertex-eu"),
                    Map.entry("switchboard.routes.gemini-vertex.model", MODEL),
                    Map.entry("switchboard.routes.gemini-vertex-global.provider", "vertex-global"),
                    Map.entry("switchboard.routes.gemini-vertex-global.model", MODEL),
                    Map.entry("switchboard.routes.gemini-vertex-sim.provider", "vertex-sim"),
                    Map.entry("switchboard.routes.gemini-vertex-sim.model", MODEL),
                    Map.entry("switchboard.routes.backup-llama.provider", "backup"),
                    Map.entry("switchboard.routes.backup-llama.model", "llama-3.1-8b"),
                    Map.entry("switchboard.probes.enabled", "false"));
        }
    }

    /** One emulator for the token endpoint, the metadata server and Vertex AI; a key file naming its token endpoint. */
    public static class GoogleEmulator implements QuarkusTestResourceLifecycleManager {
        private Google google;
        private Path directory;

        @Override
        public Map<String, String> start() {
            WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort()
                    .asynchronousResponseEnabled(true).containerThreads(20));
            server.start();
            String base = "http://localhost:" + server.port();
            try {
                directory = Files.createTempDirectory("vertex-ai-test");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            google = new Google(server, TestServiceAccount.create(directory, base + TOKEN_PATH));
            return Map.of(
                    "switchboard.providers.vertex-eu.url", base,
                    "switchboard.providers.vertex-eu.service-account-file", google.account().file().toString(),
                    "switchboard.providers.vertex-global.url", base,
                    // Where Google's libraries look for the metadata server; config stands in for the environment.
                    "GCE_METADATA_HOST", "localhost:" + server.port());
        }

        @Override
        public void stop() {
            google.server().stop();
            try {
                Files.deleteIfExists(google.account().file());
                Files.deleteIfExists(directory);
            } catch (java.io.IOException ignored) {
                // A temp file left behind is harmless.
            }
        }

        @Override
        public void inject(TestInjector injector) {
            injector.injectIntoFields(google, new TestInjector.MatchesType(Google.class));
        }
    }

    @BeforeEach
    void freshEmulatorAndTokens() {
        google.server().resetAll();
        Arc.container().instance(VertexTokens.class).get().forgetAll();
        logs.start();
    }

    @AfterEach
    void stopCapturing() {
        logs.stop();
    }

    private WireMockServer server() {
        return google.server();
    }

    private void tokenEndpointAnswers(String fixture) {
        server().stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(json(200, Fixtures.text("vertex-ai/" + fixture))));
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=UTF-8").withBody(body);
    }

    private void vertexAnswers(String path) {
        server().stubFor(post(urlPathEqualTo(path))
                .willReturn(json(200, Fixtures.text("vertex-ai/generate-content-response.json"))));
    }

    private static Response ask(String model, String... fallbacks) {
        StringBuilder body = new StringBuilder("{\"model\":\"" + model
                + "\",\"messages\":[{\"role\":\"system\",\"content\":\"Be brief.\"},{\"role\":\"user\",\"content\":\"Say hi\"}]");
        body.append(",\"fallbacks\":[");
        for (int i = 0; i < fallbacks.length; i++) {
            body.append(i == 0 ? "" : ",").append('"').append(fallbacks[i]).append('"');
        }
        body.append("]}");
        return given().contentType(ContentType.JSON)
                .header("Authorization", "Bearer " + ProviderEmulator.GATEWAY_KEY)
                .body(body.toString())
                .post("/v1/chat/completions");
    }

    private List<LoggedRequest> calls(String path) {
        return server().findAll(postRequestedFor(urlPathEqualTo(path)));
    }

    @Test
    void aWholeAnswerCarriesTheTokenToTheInstancesProjectLocationAndModel() {
        tokenEndpointAnswers("token-service-account.json");
        vertexAnswers(EU_PATH);

        Response answer = ask("gemini-vertex");

        answer.then().statusCode(200).header(GatewayHeaders.ROUTE, "gemini-vertex");
        assertThat(answer.path("choices[0].message.content").toString()).isEqualTo("Vertex says hello from europe-west4.");
        assertThat((Integer) answer.path("usage.prompt_tokens")).isEqualTo(5);
        server().verify(1, postRequestedFor(urlPathEqualTo(EU_PATH))
                .withHeader("Authorization", equalTo("Bearer " + SA_TOKEN))
                // Vertex requires a role on every content; the system prompt is the systemInstruction.
                .withRequestBody(matchingJsonPath("$.contents[0].role", equalTo("user")))
                .withRequestBody(matchingJsonPath("$.contents[0].parts[0].text", equalTo("Say hi")))
                .withRequestBody(matchingJsonPath("$.systemInstruction.parts[0].text", equalTo("Be brief."))));
        assertThat(logs.text()).doesNotContain(SA_TOKEN).doesNotContain("PRIVATE KEY");
    }

    @Test
    void aStreamedAnswerIsAskedForAsServerSentEvents() throws Exception {
        tokenEndpointAnswers("token-service-account.json");
        server().stubFor(post(urlPathEqualTo(EU_STREAM_PATH)).withQueryParam("alt", equalTo("sse"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream")
                        .withBody(Fixtures.text("vertex-ai/stream-generate-content.sse"))));

        String events = given().contentType(ContentType.JSON)
                .header("Authorization", "Bearer " + ProviderEmulator.GATEWAY_KEY)
                .body("{\"model\":\"gemini-vertex\",\"stream\":true,\"stream_options\":{\"include_usage\":true},"
                        + "\"fallbacks\":[],\"messages\":[{\"role\":\"user\",\"content\":\"Bread, please\"}]}")
                .post("/v1/chat/completions").then().statusCode(200).extract().asString();

        StringBuilder text = new StringBuilder();
        JsonNode usage = null;
        for (String line : events.split("\n")) {
            if (!line.startsWith("data: ") || line.equals("data: [DONE]")) {
                continue;
            }
            JsonNode chunk = Fixtures.JSON.readTree(line.substring("data: ".length()));
            chunk.path("choices").forEach(choice -> text.append(choice.path("delta").path("content").asText("")));
            if (chunk.hasNonNull("usage")) {
                usage = chunk.path("usage");
            }
        }
        assertThat(text.toString()).isEqualTo("Bread is pain in French and Brot in German.");
        assertThat(usage).isNotNull();
        assertThat(usage.path("prompt_tokens").asInt()).isEqualTo(9);
        assertThat(usage.path("completion_tokens").asInt()).isEqualTo(11);
        server().verify(1, postRequestedFor(urlPathEqualTo(EU_STREAM_PATH))
                .withQueryParam("alt", equalTo("sse"))
                .withHeader("Authorization", equalTo("Bearer " + SA_TOKEN)));
    }

    @Test
    void theTokenIsFetchedOnceAndReused() {
        tokenEndpointAnswers("token-service-account.json");
        vertexAnswers(EU_PATH);

        for (int i = 0; i < 4; i++) {
            ask("gemini-vertex").then().statusCode(200);
        }

        assertThat(calls(TOKEN_PATH)).hasSize(1);
        assertThat(calls(EU_PATH)).hasSize(4)
                .allSatisfy(call -> assertThat(call.getHeader("Authorization")).isEqualTo("Bearer " + SA_TOKEN));
    }

    @Test
    void anExpiringTokenIsRefreshed() throws InterruptedException {
        // The first token lives 2 s, so it is refreshed after 1 s (halfway: it is shorter than the 5-minute margin).
        server().stubFor(post(urlPathEqualTo(TOKEN_PATH)).inScenario("refresh").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(200, "{\"access_token\":\"ya29.short-lived-1\",\"expires_in\":2,\"token_type\":\"Bearer\"}"))
                .willSetStateTo("refreshed"));
        server().stubFor(post(urlPathEqualTo(TOKEN_PATH)).inScenario("refresh").whenScenarioStateIs("refreshed")
                .willReturn(json(200, "{\"access_token\":\"ya29.refreshed-2\",\"expires_in\":3599,\"token_type\":\"Bearer\"}")));
        vertexAnswers(EU_PATH);

        ask("gemini-vertex").then().statusCode(200);
        ask("gemini-vertex").then().statusCode(200);
        Thread.sleep(1_200);
        ask("gemini-vertex").then().statusCode(200);

        assertThat(calls(TOKEN_PATH)).hasSize(2);
        assertThat(calls(EU_PATH)).extracting(call -> call.getHeader("Authorization"))
                .containsExactly("Bearer ya29.short-lived-1", "Bearer ya29.short-lived-1", "Bearer ya29.refreshed-2");
    }

    @Test
    void concurrentFirstRequestsCauseOneTokenRequest() throws Exception {
        server().stubFor(post(urlPathEqualTo(TOKEN_PATH))
                .willReturn(json(200, Fixtures.text("vertex-ai/token-service-account.json")).withFixedDelay(500)));
        vertexAnswers(EU_PATH);

        ExecutorService callers = Executors.newFixedThreadPool(6);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                statuses.add(callers.submit(() -> ask("gemini-vertex").statusCode()));
            }
            for (Future<Integer> status : statuses) {
                assertThat(status.get()).isEqualTo(200);
            }
        } finally {
            callers.shutdownNow();
        }

        assertThat(calls(TOKEN_PATH)).hasSize(1);
        assertThat(calls(EU_PATH)).hasSize(6);
    }

    @Test
    void theAssertionIsSignedByTheServiceAccountForTheTokenEndpoint() throws Exception {
        tokenEndpointAnswers("token-service-account.json");
        vertexAnswers(EU_PATH);

        ask("gemini-vertex").then().statusCode(200);

        LoggedRequest exchange = calls(TOKEN_PATH).get(0);
        assertThat(exchange.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
        Map<String, String> form = form(exchange.getBodyAsString());
        assertThat(form).containsEntry("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer");
        String[] jwt = form.get("assertion").split("\\.");
        assertThat(jwt).hasSize(3);

        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(google.account().publicKey());
        rs256.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(rs256.verify(Base64.getUrlDecoder().decode(jwt[2]))).as("signed with the key file's private key").isTrue();

        JsonNode header = Fixtures.JSON.readTree(Base64.getUrlDecoder().decode(jwt[0]));
        assertThat(header.path("alg").asText()).isEqualTo("RS256");
        assertThat(header.path("kid").asText()).isEqualTo(TestServiceAccount.KEY_ID);
        JsonNode claims = Fixtures.JSON.readTree(Base64.getUrlDecoder().decode(jwt[1]));
        assertThat(claims.path("iss").asText()).isEqualTo(TestServiceAccount.CLIENT_EMAIL);
        assertThat(claims.path("aud").asText()).isEqualTo(google.account().tokenUri());
        assertThat(claims.path("scope").asText()).isEqualTo("https://www.googleapis.com/auth/cloud-platform");
        long issued = claims.path("iat").asLong();
        assertThat(Math.abs(issued - System.currentTimeMillis() / 1000)).isLessThan(60);
        assertThat(claims.path("exp").asLong()).isEqualTo(issued + 3600);
        assertThat(logs.text()).doesNotContain(jwt[2]);
    }

    private static Map<String, String> form(String body) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            fields.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return fields;
    }

    @Test
    void theMetadataServerIsAskedAsGoogleRequires() {
        server().stubFor(get(urlPathEqualTo(METADATA_PATH))
                .withHeader("Metadata-Flavor", equalTo("Google"))
                .willReturn(json(200, Fixtures.text("vertex-ai/token-metadata.json"))));
        vertexAnswers(GLOBAL_PATH);

        ask("gemini-vertex-global").then().statusCode(200).header(GatewayHeaders.ROUTE, "gemini-vertex-global");
        ask("gemini-vertex-global").then().statusCode(200);

        server().verify(1, getRequestedFor(urlPathEqualTo(METADATA_PATH)).withHeader("Metadata-Flavor", equalTo("Google")));
        server().verify(2, postRequestedFor(urlPathEqualTo(GLOBAL_PATH))
                .withHeader("Authorization", equalTo("Bearer " + MD_TOKEN)));
        assertThat(calls(TOKEN_PATH)).as("a metadata instance signs nothing").isEmpty();
    }

    @Test
    void aRefusedGrantFailsOverAndLeaksNothing() {
        server().stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(json(400, Fixtures.text("vertex-ai/token-invalid-grant.json"))));
        vertexAnswers(EU_PATH);

        Response answer = ask("gemini-vertex", "backup-llama");

        answer.then().statusCode(200).header(GatewayHeaders.ROUTE, "backup-llama").header(GatewayHeaders.ATTEMPTS, "2");
        assertThat(calls(EU_PATH)).as("no call without a token").isEmpty();
        // Credentials that were refused stay refused until a restart (F17): the next request skips the route.
        ask("gemini-vertex", "backup-llama").then().statusCode(200).header(GatewayHeaders.ATTEMPTS, "1");
        assertThat(calls(TOKEN_PATH)).hasSize(1);

        String assertion = form(calls(TOKEN_PATH).get(0).getBodyAsString()).get("assertion");
        assertThat(logs.text()).contains("auth_rejected 400").contains("invalid_grant")
                .doesNotContain(assertion).doesNotContain(assertion.substring(assertion.lastIndexOf('.') + 1))
                .doesNotContain("PRIVATE KEY").doesNotContain(google.account().privateKeyPem().substring(28, 90));
    }

    @Test
    void aRateLimitWithRetryAfterFailsOverAndCoolsTheRouteDown() {
        tokenEndpointAnswers("token-service-account.json");
        server().stubFor(post(urlPathEqualTo(EU_PATH)).willReturn(json(429, Fixtures.text("vertex-ai/error-resource-exhausted.json"))
                .withHeader("Retry-After", "30")));

        ask("gemini-vertex", "backup-llama").then().statusCode(200)
                .header(GatewayHeaders.ROUTE, "backup-llama").header(GatewayHeaders.ATTEMPTS, "2");
        ask("gemini-vertex", "backup-llama").then().statusCode(200)
                .header(GatewayHeaders.ROUTE, "backup-llama").header(GatewayHeaders.ATTEMPTS, "1");

        assertThat(calls(EU_PATH)).as("the cooling route is not called again").hasSize(1);
    }

    @Test
    void aServerErrorOnceIsRetriedOnTheSameRoute() {
        tokenEndpointAnswers("token-service-account.json");
        server().stubFor(post(urlPathEqualTo(EU_PATH)).inScenario("500 once").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(500, Fixtures.text("vertex-ai/error-internal.json"))).willSetStateTo("recovered"));
        server().stubFor(post(urlPathEqualTo(EU_PATH)).inScenario("500 once").whenScenarioStateIs("recovered")
                .willReturn(json(200, Fixtures.text("vertex-ai/generate-content-response.json"))));

        Response answer = ask("gemini-vertex", "backup-llama");

        answer.then().statusCode(200).header(GatewayHeaders.ROUTE, "gemini-vertex").header(GatewayHeaders.ATTEMPTS, "2");
        assertThat(answer.path("choices[0].message.content").toString()).isEqualTo("Vertex says hello from europe-west4.");
        assertThat(calls(EU_PATH)).hasSize(2);
        assertThat(calls(TOKEN_PATH)).as("the retry reuses the token").hasSize(1);
    }

    @Test
    void aMalformedAnswerFailsOver() {
        tokenEndpointAnswers("token-service-account.json");
        server().stubFor(post(urlPathEqualTo(EU_PATH)).willReturn(json(200, "<html><body>Service Unavailable</body></html>")));

        ask("gemini-vertex", "backup-llama").then().statusCode(200).header(GatewayHeaders.ROUTE, "backup-llama");
    }

    @Test
    void aSimulatedInstanceAnswersWithoutCredentials() {
        Response whole = ask("gemini-vertex-sim");
        whole.then().statusCode(200).header(GatewayHeaders.ROUTE, "gemini-vertex-sim");
        assertThat(whole.path("choices[0].message.content").toString()).startsWith("[simulated vertex-ai " + MODEL + "]");

        String streamed = given().contentType(ContentType.JSON)
                .header("Authorization", "Bearer " + ProviderEmulator.GATEWAY_KEY)
                .body("{\"model\":\"gemini-vertex-sim\",\"stream\":true,\"fallbacks\":[],"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"Say hi\"}]}")
                .post("/v1/chat/completions").then().statusCode(200).extract().asString();
        assertThat(streamed).contains("simulated").contains("data: [DONE]");

        given().get("/simulated/vertex-ai/fault").then().statusCode(200);
        assertThat(server().getAllServeEvents()).as("no token, no call to Google").isEmpty();
    }

    private static final String MODELS_PATH = "/v1beta1/publishers/google/models";

    private static Uni<Void> probe(String instance) {
        ProviderId id = Arc.container().instance(ProviderInstances.class).get().named(instance).orElseThrow();
        return Arc.container().instance(VertexAiAdapter.class).get().probe(id);
    }

    @Test
    void theProbeListsOnePublisherModelWithTheSameToken() {
        tokenEndpointAnswers("token-service-account.json");
        server().stubFor(get(urlPathEqualTo(MODELS_PATH)).willReturn(json(200,
                "{\"publisherModels\":[{\"name\":\"publishers/google/models/gemini-2.5-flash\"}],\"nextPageToken\":\"x\"}")));

        probe("vertex-eu").await().atMost(Duration.ofSeconds(5));

        server().verify(1, getRequestedFor(urlPathEqualTo(MODELS_PATH)).withQueryParam("pageSize", equalTo("1"))
                .withHeader("Authorization", equalTo("Bearer " + SA_TOKEN)));
    }

    @Test
    void aProbeForbiddenToListModelsIsNoRejectedCredential() {
        tokenEndpointAnswers("token-service-account.json");
        server().stubFor(get(urlPathEqualTo(MODELS_PATH)).willReturn(json(403, "{\"error\":{\"code\":403,"
                + "\"message\":\"Permission 'aiplatform.publisherModels.list' denied\",\"status\":\"PERMISSION_DENIED\"}}")));

        assertThatThrownBy(() -> probe("vertex-eu").await().atMost(Duration.ofSeconds(5)))
                .isInstanceOf(ProviderFailure.RequestRejected.class);
    }

    @Test
    void aProbeWhoseTokenIsRefusedIsARejectedCredential() {
        server().stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(json(400, Fixtures.text("vertex-ai/token-invalid-grant.json"))));

        assertThatThrownBy(() -> probe("vertex-eu").await().atMost(Duration.ofSeconds(5)))
                .isInstanceOfSatisfying(ProviderFailure.AuthRejected.class,
                        failure -> assertThat(failure.provider().name()).isEqualTo("vertex-eu"));
    }
}
