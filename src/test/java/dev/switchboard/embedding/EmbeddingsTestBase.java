package dev.switchboard.embedding;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import dev.switchboard.cost.SpendLedger;
import dev.switchboard.health.ProviderBreakers;
import dev.switchboard.support.GatewayTestBase;
import io.quarkus.arc.Arc;
import dev.switchboard.support.ProviderEmulator;

/** Each provider's embeddings endpoint on the emulator, and answers in its documented wire format. */
public abstract class EmbeddingsTestBase extends GatewayTestBase {

    private static boolean warm;

    /**
     * Once per application: one call down each embeddings path (each client method's first call builds its
     * fault-tolerance strategy, its reader and its connection), then everything it taught the gateway is
     * forgotten. The test profile gives each call 1 s, which a cold first call can miss on a loaded machine;
     * the chat tests warm the same way by the traffic that comes before them.
     */
    @BeforeEach
    void warmTheEmbeddingsPaths() {
        if (warm) {
            return;
        }
        warm = true;
        stub(OPENAI_EMBEDDINGS, openAiEmbeddings("text-embedding-3-small", 1, vector(0, 4)));
        stub(COMPATIBLE_EMBEDDINGS, openAiEmbeddings("text-embedding-3-small", 1, vector(0, 4)));
        stub(geminiEmbed("m"), geminiEmbedding(vector(0, 4)));
        stub(geminiBatchEmbed("m"), geminiEmbeddings(List.of(vector(0, 4), vector(0, 4))));
        for (String body : List.of(embed("embed-small", "\"warm\""), embed("openai-compatible/m", "\"warm\""),
                embed("gemini/m", "\"warm\""), embed("gemini/m", "[\"warm\",\"up\"]"))) {
            caller().body(body).post("/v1/embeddings");
        }
        emulator.resetAll();
        Arc.container().instance(ProviderBreakers.class).get().resetAll();
        availability.reset();
        Arc.container().instance(SpendLedger.class).get().reset();
    }

    public static final String OPENAI_EMBEDDINGS = ProviderEmulator.OPENAI + "/embeddings";
    public static final String COMPATIBLE_EMBEDDINGS = ProviderEmulator.COMPATIBLE + "/embeddings";

    public static String geminiEmbed(String model) {
        return ProviderEmulator.GEMINI + "/v1beta/models/" + model + ":embedContent";
    }

    public static String geminiBatchEmbed(String model) {
        return ProviderEmulator.GEMINI + "/v1beta/models/" + model + ":batchEmbedContents";
    }

    /** A vector whose values tell it apart: {@code seed + i / size}, exact in float32 for these sizes. */
    public static float[] vector(int seed, int size) {
        float[] vector = new float[size];
        for (int i = 0; i < size; i++) {
            vector[i] = seed + (float) i / 1024;
        }
        return vector;
    }

    /** OpenAI's answer: {@code {"object":"list","data":[{"object":"embedding","index":i,"embedding":[...]}],...}}. */
    public static ResponseDefinitionBuilder openAiEmbeddings(String model, int promptTokens, float[]... vectors) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("object", "list");
        var data = body.putArray("data");
        for (int i = 0; i < vectors.length; i++) {
            var values = data.addObject().put("object", "embedding").put("index", i).putArray("embedding");
            for (float value : vectors[i]) {
                values.add(value);
            }
        }
        body.put("model", model);
        body.putObject("usage").put("prompt_tokens", promptTokens).put("total_tokens", promptTokens);
        return json(body);
    }

    /** Gemini's {@code embedContent} answer: {@code {"embedding":{"values":[...]}}}. */
    public static ResponseDefinitionBuilder geminiEmbedding(float[] vector) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        var values = body.putObject("embedding").putArray("values");
        for (float value : vector) {
            values.add(value);
        }
        return json(body);
    }

    /** Gemini's {@code batchEmbedContents} answer: {@code {"embeddings":[{"values":[...]}]}}. */
    public static ResponseDefinitionBuilder geminiEmbeddings(List<float[]> vectors) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        var embeddings = body.putArray("embeddings");
        for (float[] vector : vectors) {
            var values = embeddings.addObject().putArray("values");
            for (float value : vector) {
                values.add(value);
            }
        }
        return json(body);
    }

    private static ResponseDefinitionBuilder json(ObjectNode body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body.toString());
    }

    protected static String embed(String model, String inputJson) {
        return "{\"model\":\"" + model + "\",\"input\":" + inputJson + "}";
    }

    protected static float[] floats(List<Float> values) {
        float[] out = new float[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        return out;
    }
}
