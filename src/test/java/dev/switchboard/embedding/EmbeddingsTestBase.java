package dev.switchboard.embedding;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import java.util.List;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import dev.switchboard.support.GatewayTestBase;
import dev.switchboard.support.ProviderEmulator;

/** Each provider's embeddings endpoint on the emulator, and answers in its documented wire format. */
public abstract class EmbeddingsTestBase extends GatewayTestBase {

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
