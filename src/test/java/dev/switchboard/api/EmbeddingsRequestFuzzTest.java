package dev.switchboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.CharConversionException;
import java.io.IOException;
import java.util.List;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import dev.switchboard.chat.InvalidRequestException;
import dev.switchboard.embedding.EmbeddingRoute;
import dev.switchboard.embedding.EmbeddingRouteTable;
import dev.switchboard.embedding.Vectors;
import dev.switchboard.provider.gemini.GeminiEmbeddingAdapter;
import dev.switchboard.provider.openai.OpenAiEmbeddings;
import dev.switchboard.support.Fixtures;
import dev.switchboard.support.TestConfig;

/**
 * Fuzzes what a {@code POST /v1/embeddings} body goes through before any provider is called: Jackson's
 * reading of it, {@link EmbeddingsRequestReader}, the route lookup, and every provider's request body. A
 * body may only be refused as bad input, a 4xx in the OpenAI format; any other exception is a finding.
 * Seeds are in {@code src/test/resources/dev/switchboard/api/EmbeddingsRequestFuzzTestInputs/}.
 */
class EmbeddingsRequestFuzzTest {

    private static final ErrorMappers ERRORS = new ErrorMappers();
    private static final EmbeddingRouteTable ROUTES = new EmbeddingRouteTable(TestConfig.load(TestConfig.seed(
            "switchboard.embedding-routes.text-embedding-3-small.provider", "openai",
            "switchboard.embedding-routes.text-embedding-3-small.model", "text-embedding-3-small",
            "switchboard.embedding-routes.text-embedding-3-small.dimensions", "1536",
            "switchboard.embedding-routes.gemini-embedding-001.provider", "gemini",
            "switchboard.embedding-routes.gemini-embedding-001.model", "gemini-embedding-001",
            "switchboard.embedding-routes.gemini-embedding-001.dimensions", "768")));

    @FuzzTest
    @DictionaryEntries({"\"model\"", "\"input\"", "\"encoding_format\"", "\"float\"", "\"base64\"", "\"dimensions\"",
            "\"user\"", "\"fallbacks\"", "\"text-embedding-3-small\"", "\"gemini-embedding-001\"", "\"openai/\"",
            "\"gemini/\"", "\"openai-compatible/\"", "\"anthropic/\"", "\"https://\"", "1536", "768", "2049",
            "true", "null", "1e309", "-0", "[]", "{}", "[[1,2]]"})
    void aBodyIsReadOrRefusedAsBadInput(byte[] body) {
        JsonNode json;
        try {
            json = Fixtures.JSON.readTree(body);
        } catch (JsonProcessingException unreadable) {
            assertThat(ERRORS.unreadableJson(unreadable, null).getStatus()).isEqualTo(400);
            return;
        } catch (CharConversionException notText) {
            assertThat(ERRORS.unreadableText(notText, null).getStatus()).isEqualTo(400);
            return;
        } catch (IOException impossible) {
            throw new AssertionError(impossible);
        }
        EmbeddingsRequestReader.Read read;
        List<EmbeddingRoute> chain;
        try {
            read = EmbeddingsRequestReader.read(json);
            chain = ROUTES.resolve(read.model());
        } catch (InvalidRequestException refused) {
            assertThat(refused.status()).isBetween(400, 499);
            assertThat(refused.getMessage()).isNotBlank();
            return;
        }
        assertThat(read.request().inputs()).isNotEmpty().allSatisfy(input -> assertThat(input).isNotEmpty());
        assertThat(chain).isNotEmpty();
        try {
            for (EmbeddingRoute route : chain) {
                Fixtures.JSON.writeValueAsString(OpenAiEmbeddings.toOpenAi(read.request(), route));
                Fixtures.JSON.writeValueAsString(GeminiEmbeddingAdapter.batch(route.model(), read.request().inputs(),
                        route.upstreamDimensions(read.request())));
            }
        } catch (JsonProcessingException unwritable) {
            throw new AssertionError("a provider's request body could not be written", unwritable);
        }
        float[] vector = { 1.5f, -0f, Float.MIN_VALUE };
        assertThat(Vectors.fromBase64(Vectors.base64(vector))).containsExactly(vector);
    }
}
