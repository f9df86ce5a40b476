package dev.switchboard.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.openai.client.OpenAIClient;
import com.openai.models.embeddings.CreateEmbeddingResponse;
import com.openai.models.embeddings.EmbeddingCreateParams;

import dev.switchboard.support.OpenAiSdk;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The official OpenAI Java SDK, pointed at Switchboard and otherwise unchanged, creates embeddings: as
 * floats, as base64 (the SDK's default, which it decodes itself) and after a failover.
 */
@QuarkusTest
class EmbeddingsSdkTest extends EmbeddingsTestBase {

    @TestHTTPResource("/v1")
    URL gateway;

    private OpenAIClient client() {
        return OpenAiSdk.client(gateway);
    }

    @Test
    void theReadmesCallCreatesEmbeddings() {
        float[] vector = vector(1, 1536);
        stub(OPENAI_EMBEDDINGS, openAiEmbeddings("text-embedding-3-small", 4, vector));

        CreateEmbeddingResponse response = client().embeddings().create(EmbeddingCreateParams.builder()
                .model("text-embedding-3-small").input("The food was delicious").build());

        assertThat(floats(response.data().get(0).embedding())).containsExactly(vector);
        assertThat(response.model()).isEqualTo("text-embedding-3-small");
        assertThat(response.usage().promptTokens()).isEqualTo(4);
    }

    @Test
    void createsEmbeddingsAsFloats() {
        float[] vector = vector(1, 4);
        stub(OPENAI_EMBEDDINGS, openAiEmbeddings("text-embedding-3-small", 4, vector));

        CreateEmbeddingResponse response = client().embeddings().create(EmbeddingCreateParams.builder()
                .model("embed-small").input("The food was delicious")
                .encodingFormat(EmbeddingCreateParams.EncodingFormat.FLOAT).build());

        assertThat(response.data().get(0).embeddingValue().isFloats()).isTrue();

        assertThat(floats(response.data().get(0).embedding())).containsExactly(vector);
        assertThat(response.model()).isEqualTo("text-embedding-3-small");
        assertThat(response.usage().promptTokens()).isEqualTo(4);
        assertThat(response.usage().totalTokens()).isEqualTo(4);
    }

    @Test
    void createsEmbeddingsAsBase64WhichTheSdkDecodes() {
        float[] first = vector(2, 4);
        float[] second = vector(3, 4);
        stub(OPENAI_EMBEDDINGS, openAiEmbeddings("text-embedding-3-small", 6, first, second));

        CreateEmbeddingResponse response = client().embeddings().create(EmbeddingCreateParams.builder()
                .model("embed-small").inputOfArrayOfStrings(List.of("one", "two"))
                .encodingFormat(EmbeddingCreateParams.EncodingFormat.BASE64).build());

        assertThat(response.data()).hasSize(2);
        assertThat(response.data().get(0).embeddingValue().isBase64()).isTrue();
        assertThat(floats(response.data().get(0).embedding())).containsExactly(first);
        assertThat(response.data().get(1).index()).isEqualTo(1);
        assertThat(floats(response.data().get(1).embedding())).containsExactly(second);
    }

    @Test
    void theSdksDefaultCallWorksOnGemini() {
        float[] vector = vector(4, 768);
        stub(geminiEmbed("gemini-embedding-001"), geminiEmbedding(vector));

        CreateEmbeddingResponse response = client().embeddings().create(EmbeddingCreateParams.builder()
                .model("gemini-embedding-001").input("hello").build());

        assertThat(floats(response.data().get(0).embedding())).containsExactly(vector);
    }

    @Test
    void createsEmbeddingsThatFailedOver() {
        stub(OPENAI_EMBEDDINGS, openAiError(503, "error-overloaded.json"));
        float[] vector = vector(5, 4);
        stub(COMPATIBLE_EMBEDDINGS, openAiEmbeddings("text-embedding-3-small", 1, vector));

        CreateEmbeddingResponse response = client().embeddings().create(EmbeddingCreateParams.builder()
                .model("embed-small").input("hi").dimensions(4).build());

        assertThat(floats(response.data().get(0).embedding())).containsExactly(vector);
        assertThat(calls(OPENAI_EMBEDDINGS)).hasSize(2);
        assertThat(calls(COMPATIBLE_EMBEDDINGS)).hasSize(1);
    }
}
