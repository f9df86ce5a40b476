package dev.switchboard.provider.gemini;

import java.util.List;
import java.util.Optional;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.rest.client.inject.RestClient;

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
 * Gemini's embeddings: {@code models/{model}:embedContent} for one input, {@code :batchEmbedContents}
 * for several, with the route's dimensions as {@code outputDimensionality}. Gemini's answer reports no
 * tokens, so usage (and the route's charge) is estimated with {@link TokenEstimate}.
 */
@Singleton
public class GeminiEmbeddingAdapter implements EmbeddingAdapter {

    private final GeminiClient client;
    private final ProviderEndpoints endpoints;

    public GeminiEmbeddingAdapter(@RestClient GeminiClient client, ProviderEndpoints endpoints) {
        this.client = client;
        this.endpoints = endpoints;
    }

    @Override
    public ProviderType type() {
        return ProviderType.GEMINI;
    }

    @Override
    public Uni<EmbeddingResult> embed(EmbeddingRequest request, EmbeddingRoute route) {
        ProviderId instance = route.route().provider();
        String key = endpoints.apiKey(instance);
        String url = endpoints.callUrl(instance);
        Optional<Integer> dimensions = route.upstreamDimensions(request);
        int tokens = TokenEstimate.of(request.inputs());
        if (request.inputs().size() == 1) {
            return client.embedContent(url, route.model(), key, JsonBody.of(single(route.model(), request.inputs().get(0), dimensions)))
                    .map(answer -> new EmbeddingResult(List.of(values(instance, answer == null ? null : answer.embedding(), 0)),
                            tokens, null));
        }
        return client.batchEmbedContents(url, route.model(), key, JsonBody.of(batch(route.model(), request.inputs(), dimensions)))
                .map(answer -> {
                    List<GeminiEmbeddings.Values> all = answer == null || answer.embeddings() == null ? List.of()
                            : answer.embeddings();
                    if (all.size() != request.inputs().size()) {
                        throw malformed(instance, all.size() + " embeddings for " + request.inputs().size() + " inputs");
                    }
                    List<float[]> vectors = new java.util.ArrayList<>(all.size());
                    for (int i = 0; i < all.size(); i++) {
                        vectors.add(values(instance, all.get(i), i));
                    }
                    return new EmbeddingResult(vectors, tokens, null);
                });
    }

    /** An {@code EmbedContentRequest}: {@code {"model":"models/m","content":{"parts":[{"text":...}]},"outputDimensionality":n}}. */
    public static ObjectNode single(String model, String text, Optional<Integer> dimensions) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("model", "models/" + model);
        body.putObject("content").putArray("parts").addObject().put("text", text);
        dimensions.ifPresent(size -> body.put("outputDimensionality", size));
        return body;
    }

    /** A {@code BatchEmbedContentsRequest}: {@code {"requests":[...]}}, one {@link #single} per input, in order. */
    public static ObjectNode batch(String model, List<String> texts, Optional<Integer> dimensions) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        var requests = body.putArray("requests");
        texts.forEach(text -> requests.add(single(model, text, dimensions)));
        return body;
    }

    private static float[] values(ProviderId instance, GeminiEmbeddings.Values embedding, int index) {
        if (embedding == null || embedding.values() == null) {
            throw malformed(instance, "no values for input " + index);
        }
        return embedding.values();
    }

    private static ProviderFailure malformed(ProviderId instance, String problem) {
        return new ProviderFailure.MalformedResponse(instance, "embeddings answer has " + problem, null);
    }
}
