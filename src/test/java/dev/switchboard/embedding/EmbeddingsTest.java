package dev.switchboard.embedding;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.switchboard.api.GatewayHeaders;
import dev.switchboard.cost.SpendLedger;
import dev.switchboard.cost.SpendReport;
import dev.switchboard.support.Fixtures;
import dev.switchboard.support.ProviderEmulator;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * {@code POST /v1/embeddings} over each provider's documented wire format (WireMock in its place):
 * OpenAI whole and as base64, Gemini's embedContent and batchEmbedContents, failover within one vector
 * space on a 500 and a 429, a malformed answer, spend, and the ordinary error when every route failed.
 */
@QuarkusTest
class EmbeddingsTest extends EmbeddingsTestBase {

    @Inject
    SpendLedger ledger;

    @BeforeEach
    void forgetSpend() {
        ledger.reset();
    }

    private static JsonNode json(Response response) {
        try {
            return Fixtures.JSON.readTree(response.asString());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static float[] floats(JsonNode values) {
        float[] out = new float[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) values.get(i).doubleValue();
        }
        return out;
    }

    @Test
    void anOpenAiRouteAnswersInTheOpenAiFormat() {
        float[] vector = vector(1, 1536);
        stub(OPENAI_EMBEDDINGS, openAiEmbeddings("text-embedding-3-small", 5, vector));

        Response response = caller().body(embed("text-embedding-3-small", "\"The food was delicious\""))
                .post("/v1/embeddings");

        response.then().statusCode(200).header(GatewayHeaders.ROUTE, "text-embedding-3-small")
                .header(GatewayHeaders.ATTEMPTS, "1").header(GatewayHeaders.COST_USD, "0.0000001");
        JsonNode body = json(response);
        assertThat(body.path("object").asText()).isEqualTo("list");
        assertThat(body.path("model").asText()).isEqualTo("text-embedding-3-small");
        assertThat(body.path("data")).hasSize(1);
        assertThat(body.path("data").get(0).path("object").asText()).isEqualTo("embedding");
        assertThat(body.path("data").get(0).path("index").asInt()).isZero();
        assertThat(floats(body.path("data").get(0).path("embedding"))).containsExactly(vector);
        assertThat(body.path("usage").path("prompt_tokens").asInt()).isEqualTo(5);
        assertThat(body.path("usage").path("total_tokens").asInt()).isEqualTo(5);

        var sent = calls(OPENAI_EMBEDDINGS).get(0);
        assertThat(sent.getHeader("Authorization")).isEqualTo("Bearer " + ProviderEmulator.OPENAI_KEY);
        assertThat(sent.getBodyAsString()).isEqualTo("{\"model\":\"text-embedding-3-small\",\"input\":[\"The food was delicious\"],"
                + "\"encoding_format\":\"float\",\"dimensions\":1536}");
    }

    @Test
    void base64IsLittleEndianFloat32AsOpenAiSendsIt() {
        float[] first = vector(1, 1536);
        float[] second = vector(-2, 1536);
        stub(OPENAI_EMBEDDINGS, openAiEmbeddings("text-embedding-3-small", 7, first, second));

        Response response = caller().body("{\"model\":\"text-embedding-3-small\",\"input\":[\"one\",\"two\"],"
                + "\"encoding_format\":\"base64\",\"dimensions\":1536,\"user\":\"someone\"}").post("/v1/embeddings");

        response.then().statusCode(200);
        JsonNode data = json(response).path("data");
        assertThat(data.get(0).path("embedding").isTextual()).isTrue();
        assertThat(Vectors.fromBase64(data.get(0).path("embedding").asText())).containsExactly(first);
        assertThat(data.get(1).path("index").asInt()).isEqualTo(1);
        assertThat(Vectors.fromBase64(data.get(1).path("embedding").asText())).containsExactly(second);
        // 1.0f little-endian is 00 00 80 3f.
        assertThat(java.util.Base64.getDecoder().decode(data.get(0).path("embedding").asText())).startsWith(0, 0, 0x80, 0x3f);
        // The upstream call asks for floats either way, and the caller's user is not passed on.
        assertThat(calls(OPENAI_EMBEDDINGS).get(0).getBodyAsString()).contains("\"encoding_format\":\"float\"")
                .doesNotContain("someone");
    }

    @Test
    void oneInputOnGeminiIsEmbedContentWithOutputDimensionality() {
        float[] vector = vector(3, 768);
        String path = geminiEmbed("gemini-embedding-001");
        stub(post(urlPathEqualTo(path))
                .withHeader("x-goog-api-key", equalTo(ProviderEmulator.GEMINI_KEY))
                .withRequestBody(equalToJson("{\"model\":\"models/gemini-embedding-001\","
                        + "\"content\":{\"parts\":[{\"text\":\"What is the meaning of life?\"}]},\"outputDimensionality\":768}"))
                .willReturn(geminiEmbedding(vector)));

        Response response = caller().body(embed("gemini-embedding-001", "[\"What is the meaning of life?\"]"))
                .post("/v1/embeddings");

        response.then().statusCode(200).header(GatewayHeaders.ROUTE, "gemini-embedding-001");
        JsonNode body = json(response);
        assertThat(floats(body.path("data").get(0).path("embedding"))).containsExactly(vector);
        assertThat(body.path("model").asText()).isEqualTo("gemini-embedding-001");
        // Gemini reports no tokens: estimated at four characters a token, 28 characters.
        assertThat(body.path("usage").path("prompt_tokens").asInt()).isEqualTo(7);
        assertThat(calls(geminiBatchEmbed("gemini-embedding-001"))).isEmpty();
    }

    @Test
    void severalInputsOnGeminiAreOneBatchEmbedContentsInOrder() {
        float[] first = vector(4, 768);
        float[] second = vector(5, 768);
        String path = geminiBatchEmbed("gemini-embedding-001");
        stub(post(urlPathEqualTo(path))
                .withRequestBody(equalToJson("{\"requests\":["
                        + "{\"model\":\"models/gemini-embedding-001\",\"content\":{\"parts\":[{\"text\":\"first\"}]},\"outputDimensionality\":768},"
                        + "{\"model\":\"models/gemini-embedding-001\",\"content\":{\"parts\":[{\"text\":\"second one\"}]},\"outputDimensionality\":768}]}"))
                .willReturn(geminiEmbeddings(List.of(first, second))));

        Response response = caller().body(embed("gemini-embedding-001", "[\"first\",\"second one\"]")).post("/v1/embeddings");

        response.then().statusCode(200);
        JsonNode data = json(response).path("data");
        assertThat(floats(data.get(0).path("embedding"))).containsExactly(first);
        assertThat(floats(data.get(1).path("embedding"))).containsExactly(second);
        assertThat(json(response).path("usage").path("prompt_tokens").asInt()).isEqualTo(2 + 3);
        assertThat(response.header(GatewayHeaders.COST_USD)).isEqualTo("0.00000075");
    }

    @Test
    void aServerErrorFailsOverToTheSameModelWithTheSameDimensions() {
        stub(OPENAI_EMBEDDINGS, openAiError(500, "error-server.json"));
        float[] vector = vector(6, 4);
        stub(COMPATIBLE_EMBEDDINGS, openAiEmbeddings("text-embedding-3-small", 3, vector));

        Response response = caller().body(embed("embed-small", "\"hello\"")).post("/v1/embeddings");

        response.then().statusCode(200).header(GatewayHeaders.ROUTE, "embed-small-backup")
                .header(GatewayHeaders.ATTEMPTS, "3");
        assertThat(floats(json(response).path("data").get(0).path("embedding"))).containsExactly(vector);
        // Retried once, as a chat route would be, then the fallback.
        assertThat(calls(OPENAI_EMBEDDINGS)).hasSize(2);
        assertThat(calls(COMPATIBLE_EMBEDDINGS).get(0).getHeader("Authorization"))
                .isEqualTo("Bearer " + ProviderEmulator.COMPATIBLE_KEY);
        // The backup route does not send its dimensions by default (openai-compatible).
        assertThat(calls(COMPATIBLE_EMBEDDINGS).get(0).getBodyAsString()).doesNotContain("dimensions");
    }

    @Test
    void aRateLimitWithRetryAfterFailsOverAtOnceAndTheRouteCoolsDown() {
        stub(OPENAI_EMBEDDINGS, openAiError(429, "error-rate-limit.json").withHeader("Retry-After", "30"));
        stub(COMPATIBLE_EMBEDDINGS, openAiEmbeddings("text-embedding-3-small", 3, vector(7, 4)));

        caller().body(embed("embed-small", "\"a\"")).post("/v1/embeddings").then().statusCode(200)
                .header(GatewayHeaders.ROUTE, "embed-small-backup").header(GatewayHeaders.ATTEMPTS, "2");
        // The route keeps the provider's 30 s: the next request passes it over without a call.
        caller().body(embed("embed-small", "\"b\"")).post("/v1/embeddings").then().statusCode(200)
                .header(GatewayHeaders.ROUTE, "embed-small-backup").header(GatewayHeaders.ATTEMPTS, "1");

        assertThat(calls(OPENAI_EMBEDDINGS)).hasSize(1);
    }

    @Test
    void vectorsOfAnotherSizeAreAMalformedAnswerAndFailOver() {
        stub(OPENAI_EMBEDDINGS, openAiEmbeddings("text-embedding-3-small", 3, vector(8, 5)));
        stub(COMPATIBLE_EMBEDDINGS, openAiEmbeddings("text-embedding-3-small", 3, vector(9, 4)));

        Response response = caller().body(embed("embed-small", "\"hello\"")).post("/v1/embeddings");

        response.then().statusCode(200).header(GatewayHeaders.ROUTE, "embed-small-backup");
        assertThat(json(response).path("data").get(0).path("embedding")).hasSize(4);
    }

    @Test
    void whenEveryRouteFailsTheCallerGetsTheRoutingErrorNeverAVector() {
        stub(OPENAI_EMBEDDINGS, openAiError(503, "error-overloaded.json"));
        stub(COMPATIBLE_EMBEDDINGS, openAiError(500, "error-server.json"));

        Response response = caller().body(embed("embed-small", "\"hello\"")).post("/v1/embeddings");

        response.then().statusCode(502).header(GatewayHeaders.ATTEMPTS, "4");
        JsonNode error = json(response).path("error");
        assertThat(error.path("code").asText()).isEqualTo("all_routes_failed");
        assertThat(error.path("message").asText()).startsWith("All embedding routes failed.").contains("embed-small-backup");
        assertThat(response.asString()).doesNotContain(ProviderEmulator.OPENAI_KEY).doesNotContain(ProviderEmulator.COMPATIBLE_KEY);
        assertThat(response.header(GatewayHeaders.DEGRADED)).isNull();
    }

    @Test
    void theAnsweringCallIsBilledAtItsRoutesPriceAndShownInSpend() {
        stub(OPENAI_EMBEDDINGS, openAiError(500, "error-server.json"));
        stub(COMPATIBLE_EMBEDDINGS, openAiEmbeddings("text-embedding-3-small", 2_000_000, vector(10, 4)));

        caller().body(embed("embed-small", "\"hello\"")).post("/v1/embeddings").then().statusCode(200)
                .header(GatewayHeaders.COST_USD, "0.02");

        SpendReport spend = ledger.spend();
        assertThat(spend.routes()).extracting(SpendReport.RouteSpend::route).containsExactly("embed-small-backup");
        SpendReport.RouteSpend backup = spend.routes().get(0);
        assertThat(backup.calls()).isEqualTo(1);
        assertThat(backup.inputTokens()).isEqualTo(2_000_000);
        assertThat(backup.outputTokens()).isZero();
        assertThat(backup.usd()).isEqualTo("0.02");
        assertThat(spend.total().requests()).isEqualTo(1);
    }

    @Test
    void theRouteHealthIsKeptUnderTheEmbeddingRoutesName() {
        stub(OPENAI_EMBEDDINGS, aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                .withBody(Fixtures.text("openai/error-server.json")));
        stub(COMPATIBLE_EMBEDDINGS, openAiEmbeddings("text-embedding-3-small", 3, vector(11, 4)));

        caller().body(embed("embed-small", "\"hello\"")).post("/v1/embeddings").then().statusCode(200);

        var status = availability.route("embed-small").orElseThrow();
        assertThat(status.adHoc()).isFalse();
        assertThat(status.failures()).isEqualTo(2);
        assertThat(availability.route("embed-small-backup").orElseThrow().successes()).isEqualTo(1);
    }

    @Test
    void upstreamCallsAreMeasuredAsTheEmbeddingsOperationWithInputTokensOnly() {
        stub(OPENAI_EMBEDDINGS, openAiError(500, "error-server.json"));
        stub(COMPATIBLE_EMBEDDINGS, openAiEmbeddings("text-embedding-3-small", 3, vector(13, 4)));

        caller().body(embed("embed-small", "\"hello\"")).post("/v1/embeddings").then().statusCode(200);

        String scrape = io.restassured.RestAssured.given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(scrape).containsPattern("gen_ai_client_operation_duration_seconds_count\\{(?=[^}]*error_type=\"server_error\")"
                + "(?=[^}]*gen_ai_operation_name=\"embeddings\")(?=[^}]*switchboard_route=\"embed-small\")");
        assertThat(scrape).containsPattern("gen_ai_client_token_usage_sum\\{(?=[^}]*gen_ai_operation_name=\"embeddings\")"
                + "(?=[^}]*gen_ai_token_type=\"input\")(?=[^}]*switchboard_route=\"embed-small-backup\")");
        assertThat(scrape).doesNotContainPattern("gen_ai_client_token_usage_sum\\{(?=[^}]*gen_ai_operation_name=\"embeddings\")"
                + "(?=[^}]*gen_ai_token_type=\"output\")");
        assertThat(scrape).containsPattern("switchboard_requests_total\\{(?=[^}]*gen_ai_operation_name=\"embeddings\")"
                + "(?=[^}]*outcome=\"fallback\")(?=[^}]*switchboard_route=\"embed-small\")");
        assertThat(scrape).containsPattern("switchboard_fallbacks_total\\{(?=[^}]*from=\"embed-small\")"
                + "(?=[^}]*reason=\"server_error\")(?=[^}]*to=\"embed-small-backup\")");
    }

    @Test
    void aDimensionsOtherThanTheRoutesIsRefusedWithoutACall() {
        Response response = caller().body("{\"model\":\"text-embedding-3-small\",\"input\":\"x\",\"dimensions\":512}")
                .post("/v1/embeddings");

        response.then().statusCode(400);
        assertThat(json(response).path("error").path("param").asText()).isEqualTo("dimensions");
        assertThat(json(response).path("error").path("message").asText()).contains("1536");
        assertThat(totalCalls()).isZero();
    }

    @Test
    void anAdHocProviderModelHasNoFallbacksAndPassesTheAskedDimensions() {
        stub(COMPATIBLE_EMBEDDINGS, openAiEmbeddings("nomic-embed-text", 2, vector(12, 3)));

        Response response = caller().body("{\"model\":\"openai-compatible/nomic-embed-text\",\"input\":\"x\",\"dimensions\":3}")
                .post("/v1/embeddings");

        response.then().statusCode(200).header(GatewayHeaders.ROUTE, "openai-compatible/nomic-embed-text")
                .header(GatewayHeaders.COST_USD, "0");
        assertThat(calls(COMPATIBLE_EMBEDDINGS).get(0).getBodyAsString()).contains("\"model\":\"nomic-embed-text\"")
                .contains("\"dimensions\":3");
    }
}
