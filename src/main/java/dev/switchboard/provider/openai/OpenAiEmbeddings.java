package dev.switchboard.provider.openai;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.switchboard.embedding.EmbeddingAdapter;
import dev.switchboard.embedding.EmbeddingRequest;
import dev.switchboard.embedding.EmbeddingResult;
import dev.switchboard.embedding.EmbeddingRoute;
import dev.switchboard.embedding.TokenEstimate;
import dev.switchboard.provider.JsonBody;
import dev.switchboard.provider.ProviderEndpoints;
import dev.switchboard.provider.ProviderFailure;
import dev.switchboard.provider.ProviderId;
import dev.switchboard.provider.ProviderType;
import io.smallrye.mutiny.Uni;

/**
 * Embeddings in the OpenAI wire format, shared by OpenAI and OpenAI-compatible servers (vLLM, Ollama):
 * {@code POST {base}/embeddings}. Vectors are always asked for as floats; the API encodes them as base64
 * for a caller who wants that, so the answer can be checked whatever the caller asked.
 */
public class OpenAiEmbeddings implements EmbeddingAdapter {

    /** The typed client method that makes the call: base URL, Authorization, body. */
    public interface Call {
        Uni<OpenAiEmbeddingResponse> send(String baseUrl, String authorization, JsonBody body);
    }

    private final ProviderType type;
    private final ProviderEndpoints endpoints;
    private final Call call;

    public OpenAiEmbeddings(ProviderType type, ProviderEndpoints endpoints, Call call) {
        this.type = type;
        this.endpoints = endpoints;
        this.call = call;
    }

    @Override
    public ProviderType type() {
        return type;
    }

    @Override
    public Uni<EmbeddingResult> embed(EmbeddingRequest request, EmbeddingRoute route) {
        ProviderId instance = route.route().provider();
        String key = endpoints.apiKey(instance);
        return call.send(endpoints.callUrl(instance), key == null ? null : "Bearer " + key,
                        JsonBody.of(toOpenAi(request, route)))
                .map(response -> fromOpenAi(response, request, instance));
    }

    /** {@code {"model":...,"input":[...],"encoding_format":"float","dimensions":n}}; dimensions only when the route sends them. */
    public static ObjectNode toOpenAi(EmbeddingRequest request, EmbeddingRoute route) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("model", route.model());
        request.inputs().forEach(body.putArray("input")::add);
        body.put("encoding_format", "float");
        route.upstreamDimensions(request).ifPresent(dimensions -> body.put("dimensions", dimensions));
        return body;
    }

    /** The vectors in input order (by each item's {@code index}), and the usage, estimated where the server reports none. */
    public static EmbeddingResult fromOpenAi(OpenAiEmbeddingResponse response, EmbeddingRequest request, ProviderId id) {
        if (response == null || response.data() == null) {
            throw new ProviderFailure.MalformedResponse(id, "embeddings answer has no data", null);
        }
        int inputs = request.inputs().size();
        float[][] vectors = new float[inputs][];
        List<OpenAiEmbeddingResponse.Item> items = response.data();
        for (int i = 0; i < items.size(); i++) {
            OpenAiEmbeddingResponse.Item item = items.get(i);
            int index = item == null || item.index() == null ? i : item.index();
            if (item == null || index < 0 || index >= inputs || vectors[index] != null) {
                throw new ProviderFailure.MalformedResponse(id, "embeddings answer has an item " + i
                        + " with no place among " + inputs + " inputs", null);
            }
            vectors[index] = item.embedding();
        }
        if (items.size() != inputs) {
            throw new ProviderFailure.MalformedResponse(id, "embeddings answer has " + items.size() + " vectors for "
                    + inputs + " inputs", null);
        }
        Integer reported = response.usage() == null ? null : response.usage().promptTokens();
        int tokens = reported != null ? reported : TokenEstimate.of(request.inputs());
        return new EmbeddingResult(new ArrayList<>(Arrays.asList(vectors)), tokens, response.model());
    }

}
